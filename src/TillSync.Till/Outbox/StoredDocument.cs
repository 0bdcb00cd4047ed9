using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Core.Chain;
using TillSync.Core.Orders;
using TillSync.Storage;

namespace TillSync.Till.Outbox;

/// <summary>A document as the till stores it (a row of <c>documents</c>) and as it sends it: the exact JSON, its SHA-256
/// kept beside it, and the check before every send that the row still reads back as it was written. A row that does not —
/// a flipped bit, a torn page, a hand edit — is sent as a <c>damaged</c> placeholder built only from what can still be read,
/// so that HQ records it and the rest of the queue moves on in order (issue 20: a till never wedges).</summary>
public static class StoredDocument
{
    /// <summary>The most of a damaged row's text a placeholder carries (<see cref="DamagedDocumentDto.Readable"/>).</summary>
    public const int ReadableCharsMax = 2_000;

    /// <summary>The JSON of <paramref name="document"/> as stored and sent.</summary>
    public static string Json(TillDocumentDto document) => JsonSerializer.Serialize(document, TillSyncJsonContext.Default.TillDocumentDto);

    /// <summary>SHA-256 of the UTF-8 of <paramref name="json"/>, as 64 lowercase hex characters.</summary>
    public static string Checksum(string json) => DocumentChain.BodySha256(json);

    /// <summary>A sale stored before version 4 (its order JSON alone) as a sale document, with the order's bytes kept exactly
    /// as they were: what the till sends for it must be what it would have sent before.</summary>
    public static string SaleJsonAround(Guid clientOrderId, long tillSeq, string orderJson) =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"kind":"{{DocumentKinds.Sale}}","documentId":"{{clientOrderId:D}}","tillSeq":{{tillSeq}},"sale":{{orderJson}}}""");

    /// <summary>What to send for a stored row: its JSON when it still matches its checksum and parses as the document its
    /// columns name, otherwise a placeholder (<see cref="QueuedDocument.Damage"/> says why).</summary>
    public static QueuedDocument Check(StoredRow row)
    {
        var id = IdOf(row);
        var problem = Problem(row, id);
        if (problem is null)
        {
            return new QueuedDocument(row.TillSeq, id, row.Kind!, row.BodyJson!, null, row.Chain);
        }

        var placeholder = new DamagedDocumentDto(
            row.Kind is { } kind && DocumentKinds.All.Contains(kind) && kind != DocumentKinds.Damaged ? kind : null,
            BillNumber.IsWellFormed(row.Number) ? row.Number : null,
            row.CreatedAt is { } at && StoredTime.TryParse(at, out var createdAt) ? createdAt : null,
            row.TotalPaise,
            problem,
            Readable(row.BodyJson));
        return new QueuedDocument(row.TillSeq, id, DocumentKinds.Damaged, Json(new TillDocumentDto(DocumentKinds.Damaged, id, row.TillSeq, Damaged: placeholder)),
            problem, row.Chain);
    }

    private static string? Problem(StoredRow row, Guid id)
    {
        if (row.BodyJson is null || row.BodySha256 is null || Checksum(row.BodyJson) != row.BodySha256)
        {
            return "the stored document does not match the checksum kept beside it";
        }

        TillDocumentDto? document;
        try
        {
            document = JsonSerializer.Deserialize(row.BodyJson, TillSyncJsonContext.Default.TillDocumentDto);
        }
        catch (JsonException e)
        {
            return $"the stored document cannot be read: {e.Message.Split(". Path:", 2)[0]}";
        }

        var bodyMatches = document?.Kind switch
        {
            DocumentKinds.Sale => document.Sale is { } sale && sale.ClientOrderId == id && sale.TillSeq == row.TillSeq && document.Return is null,
            DocumentKinds.Return => document.Return is not null && document.BodyCount == 1,
            DocumentKinds.ShiftOpen => document.ShiftOpen is not null && document.BodyCount == 1,
            DocumentKinds.CashMovement => document.CashMovement is not null && document.BodyCount == 1,
            DocumentKinds.ShiftClose => document.ShiftClose is not null && document.BodyCount == 1,
            _ => false,
        };
        return document is not null && bodyMatches && document.Kind == row.Kind && document.DocumentId == id && document.TillSeq == row.TillSeq
            && row.DocumentId == id.ToString("D")
            ? null
            : "the stored document does not match its own row (kind, id or tillSeq)";
    }

    // The row's own id; when even that column cannot be read, an id derived from the row's sequence number, so that the
    // placeholder is the same on every resend (HQ answers a stranger id at a used tillSeq as a conflict, never twice).
    private static Guid IdOf(StoredRow row)
    {
        if (Guid.TryParseExact(row.DocumentId, "D", out var id))
        {
            return id;
        }

        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"damaged-document:{row.TillSeq}")))[..16];
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    private static string Readable(string? text)
    {
        if (text is null)
        {
            return "";
        }

        if (text.Length <= ReadableCharsMax)
        {
            return text;
        }

        // Never cut a surrogate pair in two: the placeholder must itself be valid JSON text.
        var end = char.IsHighSurrogate(text[ReadableCharsMax - 1]) ? ReadableCharsMax - 1 : ReadableCharsMax;
        return text[..end];
    }
}

