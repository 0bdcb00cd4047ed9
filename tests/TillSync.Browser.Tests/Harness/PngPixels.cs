// Reads the PNGs Chromium's screenshots are (8-bit RGB or RGBA, not interlaced) into RGBA bytes, so a test can decode a
// QR code from what the page actually drew without an imaging library. Anything else is refused, never guessed.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TillSync.Browser.Tests.Harness;

/// <summary>Pixels of a decoded PNG: <see cref="Rgba"/> holds 4 bytes per pixel, row by row.</summary>
public sealed record PngPixels(int Width, int Height, byte[] Rgba)
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Decodes <paramref name="png"/>; throws <see cref="NotSupportedException"/> for other PNG kinds.</summary>
    public static PngPixels Decode(byte[] png)
    {
        if (!png.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new NotSupportedException("Not a PNG.");
        }

        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (var at = Signature.Length; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                var (bitDepth, colourType, interlace) = (data[8], data[9], data[12]);
                channels = colourType switch { 2 => 3, 6 => 4, _ => 0 };
                if (bitDepth != 8 || channels == 0 || interlace != 0)
                {
                    throw new NotSupportedException($"PNG with bit depth {bitDepth}, colour type {colourType}, interlace {interlace}.");
                }
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            at += 12 + length; // length, type, data, CRC
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new PngPixels(width, height, ToRgba(Unfiltered(inflated.ToArray(), width, height, channels), width, height, channels));
    }

    // Undoes the per-row filters (None, Sub, Up, Average, Paeth) of PNG spec section 9.
    private static byte[] Unfiltered(byte[] raw, int width, int height, int channels)
    {
        var stride = width * channels;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = raw.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var above = y == 0 ? new byte[stride] : pixels.AsSpan((y - 1) * stride, stride);
            for (var x = 0; x < stride; x++)
            {
                int left = x >= channels ? row[x - channels] : 0, up = above[x], upLeft = x >= channels ? above[x - channels] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new NotSupportedException($"PNG row filter {filter}."),
                };
                row[x] = unchecked((byte)(source[x] + predictor));
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] pixels, int width, int height, int channels)
    {
        if (channels == 4)
        {
            return pixels;
        }

        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            pixels.AsSpan(i * 3, 3).CopyTo(rgba.AsSpan(i * 4));
            rgba[i * 4 + 3] = 255;
        }

        return rgba;
    }
}
