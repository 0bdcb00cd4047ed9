// Reads a QR code from what the page drew: a screenshot of the <img>, decoded with ZXing. A receipt's codes are checked as
// a scanner would read them from the paper, not from the markup behind them.
using Microsoft.Playwright;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests.Harness;

/// <summary>QR codes on the page.</summary>
public static class QrImages
{
    /// <summary>The text of the QR code <paramref name="image"/> shows, once it has loaded.</summary>
    public static async Task<string> DecodeAsync(ILocator image)
    {
        await Expect(image).ToHaveJSPropertyAsync("complete", true);
        // The receipt scrolls inside its dialog; centre the code so no edge of it (or its quiet zone) is clipped.
        await image.EvaluateAsync("img => img.scrollIntoView({ block: 'center' })");
        var pixels = PngPixels.Decode(await image.ScreenshotAsync());
        var source = new RGBLuminanceSource(pixels.Rgba, pixels.Width, pixels.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
        Assert.True(result is not null, $"No QR code found in the {pixels.Width}×{pixels.Height} screenshot of the image.");
        return result.Text;
    }
}
