using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;

namespace TillSync.Hq.Shifts;

/// <summary>A shift or cash document's fingerprint (docs/sync.md, "Fingerprints"): SHA-256 over its kind, its id and the
/// canonical JSON of its body — the record's fields in their declared order, absent optional fields left out, times in
/// UTC — so that field order and whitespace on the wire never change it and any business field does.</summary>
public static class ShiftFingerprint
{
    /// <summary>64 lowercase hex characters.</summary>
    public static string Compute(TillDocumentDto document)
    {
        var json = TillSyncJsonContext.Default;
        var body = document.Kind switch
        {
            DocumentKinds.ShiftOpen => JsonSerializer.SerializeToUtf8Bytes(
                document.ShiftOpen! with { OpenedAt = document.ShiftOpen.OpenedAt.ToUniversalTime() }, json.ShiftOpenDto),
            DocumentKinds.CashMovement => JsonSerializer.SerializeToUtf8Bytes(
                document.CashMovement! with { At = document.CashMovement.At.ToUniversalTime() }, json.CashMovementDto),
            DocumentKinds.ShiftClose => JsonSerializer.SerializeToUtf8Bytes(
                document.ShiftClose! with { ClosedAt = document.ShiftClose.ClosedAt.ToUniversalTime() }, json.ShiftCloseDto),
            _ => throw new ArgumentOutOfRangeException(nameof(document), document.Kind, "not a shift document"),
        };
        return Convert.ToHexStringLower(SHA256.HashData([.. Encoding.ASCII.GetBytes($"{document.Kind}:{document.DocumentId:D}"), .. body]));
    }
}
