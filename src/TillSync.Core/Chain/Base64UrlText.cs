using System.Buffers;
using System.Buffers.Text;

namespace TillSync.Core.Chain;

/// <summary>Base64url without padding, for signatures carried as JSON strings.</summary>
public static class Base64UrlText
{
    /// <summary>The text of <paramref name="bytes"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>The bytes of <paramref name="text"/>; false when it is not base64url.</summary>
    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, buffer, out _, out var written) != OperationStatus.Done)
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}
