using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TillSync.Core.Orders;

namespace TillSync.Core.Receipts;

/// <summary>The signed code a receipt prints (as a QR code) so that any till of the store can take a return against the
/// sale with HQ unreachable, and refuse a forged or altered receipt: <c>TS1.&lt;payload&gt;.&lt;signature&gt;</c>, where
/// the payload is base64url (no padding) of a compact JSON form of <see cref="ReceiptCodeSale"/> and the signature is
/// base64url of the ES256 signature (ECDSA P-256, SHA-256, r‖s as 64 bytes) of the ASCII text <c>TS1.&lt;payload&gt;</c>
/// by the selling till's private key. The JSON's keys and their order are in docs/returns.md ("The receipt code").</summary>
public static class ReceiptCode
{
    /// <summary>The format's marker and version; a later format takes <c>TS2.</c>.</summary>
    public const string Prefix = "TS1.";

    /// <summary>The signature algorithm, as the till registers its key (<c>TillKeyRegistration.Algorithm</c>).</summary>
    public const string Algorithm = "ES256";

    /// <summary>The longest code printed: what a QR code of version 30 holds at error correction M (1,370 bytes), which
    /// prints at about half a millimetre per module on an 80 mm receipt. A sale whose code would be longer (about 20 lines
    /// and more) prints none; its returns are taken at the selling till or, online, by bill number.</summary>
    public const int LengthMax = 1_370;

    private const int SignatureBytes = 64;

    /// <summary>The code of <paramref name="sale"/> signed with <paramref name="privateKey"/> (a P-256 key), or null when it
    /// would be longer than <see cref="LengthMax"/>.</summary>
    public static string? Sign(ReceiptCodeSale sale, ECDsa privateKey)
    {
        var payload = Base64Url.EncodeToString(Payload(sale));
        if (Prefix.Length + payload.Length + 1 + Base64Url.GetEncodedLength(SignatureBytes) > LengthMax)
        {
            return null;
        }

        var signingInput = Prefix + payload;
        // The digest is taken here rather than by SignData, whose hashing through a provider object cost a third of the
        // signature on the till's sale path (bench/RESULTS.md); the signature is the same ES256 one either way.
        var signature = privateKey.SignHash(SHA256.HashData(Encoding.ASCII.GetBytes(signingInput)), DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Reads and verifies a code as a scanner typed it. Never throws on bad input.</summary>
    /// <param name="code">The scanned text (surrounding white space is ignored).</param>
    /// <param name="publicKeyOf">The DER SubjectPublicKeyInfo of a till's P-256 public key by HQ's till id, or null when
    /// the reading till has none for it.</param>
    public static ReceiptCodeCheck Read(string? code, Func<long, byte[]?> publicKeyOf)
    {
        var text = code?.Trim() ?? "";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > LengthMax)
        {
            return Malformed("it does not start with TS1. or is too long");
        }

        var parts = text[Prefix.Length..].Split('.');
        if (parts.Length != 2 || !TryDecode(parts[0], out var payload) || !TryDecode(parts[1], out var signature)
            || signature.Length != SignatureBytes)
        {
            return Malformed("its parts are not base64url");
        }

        // The payload is read before it is trusted only to learn which till's key to check it with.
        var sale = TryParse(payload);
        if (sale is null)
        {
            return Malformed("its content cannot be read");
        }

        var publicKey = publicKeyOf(sale.TillId);
        if (publicKey is null)
        {
            return new(ReceiptCodeStatus.UnknownTill, null,
                $"Bill {sale.BillNo} was printed at a till (id {sale.TillId}) whose receipt key this till does not hold yet: "
                + "connect this till to HQ once, or take the return at the till that sold it.");
        }

        return Verifies(publicKey, Encoding.ASCII.GetBytes(Prefix + parts[0]), signature)
            ? new(ReceiptCodeStatus.Valid, sale, $"Bill {sale.BillNo}, signed by its till.")
            : new(ReceiptCodeStatus.Forged, null,
                "This receipt code does not match its till's signature: the receipt was altered or forged. Do not refund against it.");
    }

    private static bool Verifies(byte[] publicKey, byte[] signingInput, byte[] signature)
    {
        using var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
        }
        catch (CryptographicException)
        {
            return false; // a key that is not a P-256 public key verifies nothing
        }

        return key.KeySize == 256
            && key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static ReceiptCodeCheck Malformed(string why) =>
        new(ReceiptCodeStatus.Malformed, null, $"That is not a TillSync receipt code ({why}). Scan the code on the receipt again, or type the bill number.");

    /// <summary>The compact JSON of a sale, keys in a fixed order (docs/returns.md): <c>i</c> sale id, <c>b</c> bill number,
    /// <c>d</c> date, <c>t</c> till id, <c>x</c> total, <c>c</c> customer (<c>p</c> phone, <c>g</c> GSTIN, <c>n</c> name,
    /// <c>s</c> place of supply; each only when present; the object only when any is, so a customer with no field reads
    /// back as none), <c>y</c> loyalty [earn, burn] (only
    /// when either is above 0), <c>m</c> payments [[method, paise]], <c>l</c> lines [[SKU, quantity as text, unit price,
    /// discount, GST bp]].</summary>
    public static byte[] Payload(ReceiptCodeSale sale)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        // Relaxed escaping keeps '+' of the offset and non-ASCII names as they are, not as \uXXXX: the payload is only
        // ever base64url text in a QR code, never embedded in HTML or a script, and every byte costs code size.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("i", sale.SaleId.ToString("D"));
            json.WriteString("b", sale.BillNo);
            json.WriteString("d", sale.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            json.WriteNumber("t", sale.TillId);
            json.WriteNumber("x", sale.TotalPaise);
            WriteCustomer(json, sale.Customer);
            if (sale.EarnPoints > 0 || sale.BurnPoints > 0)
            {
                json.WriteStartArray("y");
                json.WriteNumberValue(sale.EarnPoints);
                json.WriteNumberValue(sale.BurnPoints);
                json.WriteEndArray();
            }

            json.WriteStartArray("m");
            foreach (var payment in sale.Payments)
            {
                json.WriteStartArray();
                json.WriteStringValue(payment.Method);
                json.WriteNumberValue(payment.AmountPaise);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("l");
            foreach (var line in sale.Lines)
            {
                json.WriteStartArray();
                json.WriteStringValue(line.Sku);
                json.WriteStringValue(OrderFingerprint.NormalizedQty(line.Qty));
                json.WriteNumberValue(line.UnitPricePaise);
                json.WriteNumberValue(line.DiscountPaise);
                json.WriteNumberValue(line.GstRateBp);
                if (line.TaxInclusive)
                {
                    // A sixth element only on an inclusive line, so that every code printed before it still reads.
                    json.WriteNumberValue(1);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteCustomer(Utf8JsonWriter json, ReceiptCodeCustomer? customer)
    {
        if (customer is null or { Phone: null, Gstin: null, Name: null, PlaceOfSupply: null })
        {
            return;
        }

        json.WriteStartObject("c");
        foreach (var (key, value) in new[] { ("p", customer.Phone), ("g", customer.Gstin), ("n", customer.Name), ("s", customer.PlaceOfSupply) })
        {
            if (value is not null)
            {
                json.WriteString(key, value);
            }
        }

        json.WriteEndObject();
    }

    private static ReceiptCodeSale? TryParse(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var loyalty = root.TryGetProperty("y", out var y) ? (Earn: y[0].GetInt64(), Burn: y[1].GetInt64()) : (Earn: 0L, Burn: 0L);
            return new ReceiptCodeSale(
                Guid.ParseExact(Text(root, "i"), "D"),
                Text(root, "b"),
                DateTimeOffset.ParseExact(Text(root, "d"), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                root.GetProperty("t").GetInt64(),
                root.GetProperty("x").GetInt64(),
                root.TryGetProperty("c", out var c)
                    ? new ReceiptCodeCustomer(Optional(c, "p"), Optional(c, "g"), Optional(c, "n"), Optional(c, "s"))
                    : null,
                loyalty.Earn,
                loyalty.Burn,
                [.. root.GetProperty("m").EnumerateArray().Select(p => new ReceiptCodePayment(p[0].GetString()!, p[1].GetInt64()))],
                [.. root.GetProperty("l").EnumerateArray().Select(l => new ReceiptCodeLine(
                    l[0].GetString()!, decimal.Parse(l[1].GetString()!, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                    l[2].GetInt64(), l[3].GetInt64(), l[4].GetInt32(), l.GetArrayLength() > 5 && l[5].GetInt32() == 1))]);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException
            or IndexOutOfRangeException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    private static string Text(JsonElement element, string key) => element.GetProperty(key).GetString() ?? throw new FormatException($"{key} is null");

    private static string? Optional(JsonElement element, string key) => element.TryGetProperty(key, out var value) ? value.GetString() : null;

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = new byte[Base64Url.GetMaxDecodedLength(part.Length)];
        if (part.Length == 0 || Base64Url.DecodeFromChars(part, bytes, out _, out var written) != OperationStatus.Done)
        {
            return false;
        }

        bytes = bytes[..written];
        return true;
    }
}
