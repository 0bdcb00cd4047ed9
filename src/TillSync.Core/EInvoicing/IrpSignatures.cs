using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TillSync.Core.EInvoicing;

/// <summary>NIC's signed invoice and signed QR code: an RS256 compact JWS whose claims are
/// <see cref="SignedContent"/> (the content JSON as text in <c>data</c>, <c>iss</c> "NIC"). The simulator signs;
/// HQ and the till verify with the IRP's published key (<see cref="IrpPaths.Keys"/>).</summary>
public static class IrpSignatures
{
    /// <summary>Signs <paramref name="dataJson"/> the way NIC does.</summary>
    public static string Sign(string dataJson, RSA key, string keyId) =>
        CompactJws.Sign(
            JsonSerializer.SerializeToUtf8Bytes(new SignedContent(dataJson, SignedContent.NicIssuer), IrpJsonContext.Nic.SignedContent),
            key, keyId);

    /// <summary>The signed <c>data</c> JSON when the signature verifies with <paramref name="publicKey"/> and the
    /// issuer is NIC; null otherwise.</summary>
    public static string? VerifiedData(string? jws, RSA publicKey)
    {
        if (!CompactJws.TryVerify(jws, publicKey, out _, out var payload))
        {
            return null;
        }

        try
        {
            var content = JsonSerializer.Deserialize(payload, IrpJsonContext.Nic.SignedContent);
            return content?.Issuer == SignedContent.NicIssuer ? content.Data : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The claims of a signed QR code that verifies; null otherwise.</summary>
    public static QrCodeClaims? VerifiedQrCode(string? signedQrCode, RSA publicKey)
    {
        var data = VerifiedData(signedQrCode, publicKey);
        if (data is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(data), IrpJsonContext.Nic.QrCodeClaims);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
