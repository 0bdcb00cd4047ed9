// Alters a signed receipt code the way a dishonest customer would: one price in its content, the signature left as it was.
using System.Buffers.Text;
using System.Text;

namespace TillSync.Testing;

/// <summary>Tamperings of receipt codes.</summary>
public static class ReceiptCodeTamper
{
    /// <summary>The code with the first line's unit price raised by ₹100, signature unchanged.</summary>
    public static string RaisePrice(string code)
    {
        var parts = code.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        var at = payload.IndexOf("\"l\":[[", StringComparison.Ordinal);
        var priceAt = payload.IndexOf(',', payload.IndexOf(',', at) + 1) + 1;
        var priceEnd = payload.IndexOf(',', priceAt);
        var raised = long.Parse(payload[priceAt..priceEnd], System.Globalization.CultureInfo.InvariantCulture) + 10_000;
        var altered = payload[..priceAt] + raised.ToString(System.Globalization.CultureInfo.InvariantCulture) + payload[priceEnd..];
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(altered))}.{parts[2]}";
    }
}
