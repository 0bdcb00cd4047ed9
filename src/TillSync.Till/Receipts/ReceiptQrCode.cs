using QRCoder;

namespace TillSync.Till.Receipts;

/// <summary>Draws the IRP's signed QR string as the QR code a registered B2B receipt prints (docs/einvoice.md), on the till
/// itself so reprints work offline and no third party sees the bill.</summary>
public static class ReceiptQrCode
{
    /// <summary>Drawing units per QR module; the receipt scales the image to its print width.</summary>
    public const int PixelsPerModule = 4;

    /// <summary>An SVG document (with the standard four-module quiet zone) encoding <paramref name="signedQr"/> exactly,
    /// at error correction level M.</summary>
    public static string Svg(string signedQr)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(signedQr, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(PixelsPerModule);
    }
}
