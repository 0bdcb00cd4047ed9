// Reads the pixels of an <img> as the browser decoded them: waits for the image's decode() promise, draws its own
// source at its natural size onto a canvas with smoothing off and reads the canvas back. Unlike a screenshot, this
// does not depend on how the compositor scaled the image on screen.
using System.Text.Json;
using Microsoft.Playwright;

namespace TillSync.Browser.Tests.Harness;

/// <summary>Pixels of an image at its natural size: <see cref="Rgba"/> holds 4 bytes per pixel, row by row.</summary>
public sealed record ImagePixels(int Width, int Height, byte[] Rgba)
{
    // decode() rejects for an image that cannot be shown, so a broken image fails here with the browser's reason.
    // White under the image stands for the paper: getImageData gives transparent pixels as black.
    private const string ReadScript = """
        async img => {
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const g = canvas.getContext('2d', { willReadFrequently: true });
          g.imageSmoothingEnabled = false;
          g.fillStyle = '#fff';
          g.fillRect(0, 0, canvas.width, canvas.height);
          g.drawImage(img, 0, 0, canvas.width, canvas.height);
          const rgba = g.getImageData(0, 0, canvas.width, canvas.height).data;
          let binary = '';
          for (let at = 0; at < rgba.length; at += 8192) {
            binary += String.fromCharCode.apply(null, rgba.subarray(at, at + 8192));
          }
          return { width: canvas.width, height: canvas.height, rgba: btoa(binary) };
        }
        """;

    /// <summary>The pixels of the <c>img</c> element <paramref name="image"/>, once the browser has decoded it.</summary>
    public static async Task<ImagePixels> ReadAsync(ILocator image)
    {
        var read = await image.EvaluateAsync<JsonElement>(ReadScript);
        var (width, height) = (read.GetProperty("width").GetInt32(), read.GetProperty("height").GetInt32());
        var rgba = Convert.FromBase64String(read.GetProperty("rgba").GetString() ?? "");
        if (width == 0 || height == 0 || rgba.Length != width * height * 4)
        {
            throw new InvalidOperationException($"The image read back as {width}×{height} with {rgba.Length} bytes of pixels.");
        }

        return new ImagePixels(width, height, rgba);
    }
}
