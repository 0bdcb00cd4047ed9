using System.Text;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Tills;
using TillSync.Core.Chain;
using TillSync.Core.Receipts;

namespace TillSync.Till.Peers;

/// <summary>Decides which entries of a page from a peer this till accepts as copies of another till's documents (ADR 0019):
/// the origin must be another till of this store with a key in the snapshot's <c>tillKeys</c>; each entry's hash must be the
/// one its exact bytes give, its signature the origin till's, and it must link to the copy held at <c>tillSeq</c> − 1 (or,
/// when none is held, start the chain: genesis, ADR 0016); and the document inside must be readable and carry that same
/// <c>tillSeq</c>. The entries are taken in order up to the first that fails, which is refused with its reason.</summary>
public static class PeerAcceptance
{
    /// <summary>The accepted prefix of <paramref name="entries"/> and the refusal of the first entry that failed (null when
    /// all passed). <paramref name="lastSeq"/> and <paramref name="lastHash"/> are the copy held at the top of the origin's
    /// chain (null when none is held).</summary>
    public static (List<AcceptedCopy> Accepted, PeerRefusal? Refusal) Check(
        TillSnapshot snapshot, long originTillId, long? lastSeq, string? lastHash, IReadOnlyList<PeerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(entries);
        var accepted = new List<AcceptedCopy>();
        if (originTillId == snapshot.TillId)
        {
            return (accepted, Refused(originTillId, entries, "own_till", "these are this till's own documents: it keeps them in its own log, never as peer copies"));
        }

        using var key = snapshot.TillKeys?.FirstOrDefault(k => k.TillId == originTillId && k.Algorithm == ReceiptCode.Algorithm) is { } registered
            ? DocumentChain.PublicKey(registered.PublicKey)
            : null;
        if (key is null)
        {
            return (accepted, Refused(originTillId, entries, "foreign_till",
                $"till {originTillId} is not a till of this store with a key in the snapshot: its documents are not accepted"));
        }

        var walk = new ChainWalk(key, lastSeq, lastHash);
        foreach (var entry in entries)
        {
            if (Refusal(walk, originTillId, entry, out var copy) is { } refusal)
            {
                return (accepted, refusal);
            }

            accepted.Add(copy!);
        }

        return (accepted, null);
    }

    private static PeerRefusal? Refusal(ChainWalk walk, long originTillId, PeerEntry entry, out AcceptedCopy? copy)
    {
        copy = null;
        var bytes = Encoding.UTF8.GetBytes(entry.Document);
        var bodySha256 = DocumentChain.BodySha256(bytes);
        if (!DocumentChain.IsHash(entry.Hash))
        {
            return new PeerRefusal(originTillId, entry.TillSeq, "unchained", $"the entry at tillSeq {entry.TillSeq} carries no chain hash");
        }

        if (walk.Next(new ChainLink(entry.TillSeq, bodySha256, entry.PrevHash, entry.Hash, entry.Signature)) is { } broken)
        {
            return new PeerRefusal(originTillId, broken.TillSeq, ChainBreaks.Code(broken.Kind), broken.Detail);
        }

        TillDocumentDto? document;
        try
        {
            document = JsonSerializer.Deserialize(bytes, TillSyncJsonContext.Default.TillDocumentDto);
        }
        catch (JsonException e)
        {
            return new PeerRefusal(originTillId, entry.TillSeq, "unreadable", $"the document at tillSeq {entry.TillSeq} is not a till document ({e.Message})");
        }

        if (document is null || document.TillSeq != entry.TillSeq || document.BodyCount != 1)
        {
            return new PeerRefusal(originTillId, entry.TillSeq, "unreadable",
                $"the document at tillSeq {entry.TillSeq} does not carry that tillSeq and one body of its kind");
        }

        copy = new AcceptedCopy(originTillId, entry, document, bodySha256);
        return null;
    }

    private static PeerRefusal Refused(long originTillId, IReadOnlyList<PeerEntry> entries, string code, string detail) =>
        new(originTillId, entries.Count > 0 ? entries[0].TillSeq : 0, code, detail);
}

/// <summary>An entry this till accepted as a copy of another till's document.</summary>
/// <param name="OriginTillId">The till that wrote it.</param>
/// <param name="Entry">The entry as it came (exact bytes and chain entry).</param>
/// <param name="Document">The document read from those bytes.</param>
/// <param name="BodySha256">SHA-256 (hex) of the bytes.</param>
public sealed record AcceptedCopy(long OriginTillId, PeerEntry Entry, TillDocumentDto Document, string BodySha256);

/// <summary>Why an entry from a peer was refused; nothing of it (or after it in its page) was stored.</summary>
/// <param name="OriginTillId">The till the entry claims to come from.</param>
/// <param name="TillSeq">The entry refused.</param>
/// <param name="Code">What failed: a chain break's code (<c>edited</c>, <c>relinked</c>, <c>missing</c>, <c>out_of_order</c>,
/// <c>bad_signature</c>, <c>unchained</c>), <c>foreign_till</c>, <c>own_till</c>, <c>unreadable</c> or <c>duplicate_id</c>.</param>
/// <param name="Detail">A sentence naming it.</param>
public sealed record PeerRefusal(long OriginTillId, long TillSeq, string Code, string Detail);
