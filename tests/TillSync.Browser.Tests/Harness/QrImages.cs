// Reads a QR code from what the page shows: the <img>'s own pixels as the browser decoded them, read with ZXing. A
// receipt's codes are checked as a scanner would read them from the paper, not from the markup behind them.
//
// Not from a screenshot: on screen a module of the 40 mm code spans a fraction of a pixel more or less than a whole
// number, and ZXing misses some such resampled codes, depending on their content — which changes with every run's
// signature, so a test failed now and then (the same codes failed on an idle machine). The image's own pixels put each
// module on whole pixels with its quiet zone around, so ZXing reads them as a pure barcode: the grid comes from the
// finder pattern instead of a search for finder patterns, which misses some clean codes too.
using Microsoft.Playwright;
using TillSync.Till.Receipts;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace TillSync.Browser.Tests.Harness;

/// <summary>QR codes on the page.</summary>
public static class QrImages
{
    /// <summary>The text of the QR code the <c>img</c> element <paramref name="image"/> shows, once the browser has decoded it.</summary>
    public static async Task<string> DecodeAsync(ILocator image)
    {
        var pixels = await ImagePixels.ReadAsync(image);
        Assert.True(pixels.Width == pixels.Height && pixels.Width % ReceiptQrCode.PixelsPerModule == 0,
            $"The QR image is {pixels.Width}×{pixels.Height} px, not a square of whole {ReceiptQrCode.PixelsPerModule}-pixel modules.");
        var source = new RGBLuminanceSource(pixels.Rgba, pixels.Width, pixels.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true };
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
        Assert.True(result is not null, $"No QR code found in the {pixels.Width}×{pixels.Height} pixels of the image.");
        return result.Text;
    }
}
