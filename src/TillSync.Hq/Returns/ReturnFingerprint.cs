using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;

namespace TillSync.Hq.Returns;

/// <summary>A return document's fingerprint (docs/sync.md, "Fingerprints"): SHA-256 over its id and a canonical JSON form
/// of its business content — the record's fields in their declared order, optional fields left out when absent,
/// quantities without trailing fraction zeros (2 = 2.000), times in UTC — so that field order and whitespace on the wire
/// never change it and any business field does.</summary>
public static class ReturnFingerprint
{
    /// <summary>64 lowercase hex characters.</summary>
    public static string Compute(Guid documentId, ReturnDto returned)
    {
        var canonical = returned with
        {
            CreatedAt = returned.CreatedAt.ToUniversalTime(),
            // Derived from the number, the date and the seller's GSTIN (ReturnDto.Irn): not content of its own.
            Irn = null,
            Original = returned.Original with { CreatedAt = returned.Original.CreatedAt.ToUniversalTime() },
            Lines = [.. returned.Lines.Select(l => l with { OriginalQty = Normalized(l.OriginalQty), Qty = Normalized(l.Qty) })],
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(canonical, TillSyncJsonContext.Default.ReturnDto);
        return Convert.ToHexStringLower(SHA256.HashData([.. Encoding.ASCII.GetBytes(documentId.ToString("D")), .. json]));
    }

    // Dividing by 1 with 33 fraction zeros drops trailing zeros from the scale: 2.500 → 2.5, 2.000 → 2.
    private static decimal Normalized(decimal qty) => qty / 1.000000000000000000000000000000000m;
}
