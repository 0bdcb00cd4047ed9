using System.Globalization;
using System.Security.Cryptography;

namespace TillSync.Core.Chain;

/// <summary>Checks a till's chain entry by entry, in <c>tillSeq</c> order, and names the first broken link (ADR 0016):
/// a missing or out-of-order entry, an entry without a chain after the chain began, an entry linked to another
/// previous hash, a document whose bytes no longer give its hash, a signature that is not the till's. The same walk serves
/// the till's own <c>till verify</c>, HQ on arrival (starting from the last entry it holds) and HQ's end-to-end check.</summary>
/// <param name="tillKey">The till's public key.</param>
/// <param name="lastSeq">The <c>tillSeq</c> of the entry before the first one walked, when known (HQ: the last it holds).</param>
/// <param name="lastHash">That entry's hash; null when it is unchained or there is none.</param>
public sealed class ChainWalk(ECDsa tillKey, long? lastSeq = null, string? lastHash = null)
{
    private long? _lastSeq = lastSeq;
    private string? _lastHash = lastHash;

    /// <summary>Entries walked so far, chained or not.</summary>
    public long Walked { get; private set; }

    /// <summary>Entries walked so far that carried a chain entry.</summary>
    public long Chained { get; private set; }

    /// <summary>The hash of the last entry walked; null while the chain has not begun.</summary>
    public string? LastHash => _lastHash;

    /// <summary>Checks the next entry; null when it holds, else the break (and the walk should stop: what follows a break
    /// cannot be judged against it).</summary>
    public ChainBreak? Next(ChainLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (_lastSeq is { } last && link.TillSeq != last + 1)
        {
            return link.TillSeq <= last
                ? Break(link, ChainBreakKind.OutOfOrder, $"tillSeq {link.TillSeq} comes after tillSeq {last}: the entries are out of order")
                : Break(link, ChainBreakKind.Missing, link.TillSeq == last + 2
                    ? $"tillSeq {last + 1} is missing (deleted?): the log goes from {last} to {link.TillSeq}"
                    : $"tillSeq {last + 1} to {link.TillSeq - 1} are missing (deleted?): the log goes from {last} to {link.TillSeq}");
        }

        _lastSeq = link.TillSeq;
        Walked++;
        if (link.Hash is null)
        {
            return _lastHash is null
                ? null
                : Break(link, ChainBreakKind.Unchained, $"tillSeq {link.TillSeq} has no chain entry, but the chain began before it");
        }

        var expectedPrev = _lastHash ?? DocumentChain.Genesis;
        if (link.PrevHash != expectedPrev)
        {
            return Break(link, ChainBreakKind.Relinked,
                $"tillSeq {link.TillSeq} links to previous hash {Abbreviated(link.PrevHash)}, but the entry before it has hash {Abbreviated(expectedPrev)}");
        }

        if (!DocumentChain.IsHash(link.Hash)
            || (link.BodySha256 is { } body && DocumentChain.Hash(link.TillSeq, link.PrevHash, body) != link.Hash))
        {
            return Break(link, ChainBreakKind.Edited,
                $"the document at tillSeq {link.TillSeq} does not give its chain hash {Abbreviated(link.Hash)}: it was changed after it was signed");
        }

        if (link.Signature is null || !DocumentChain.Verify(link.Hash, link.Signature, tillKey))
        {
            return Break(link, ChainBreakKind.BadSignature, $"the chain entry of tillSeq {link.TillSeq} is not signed by this till's key");
        }

        _lastHash = link.Hash;
        Chained++;
        return null;
    }

    /// <summary>The first 12 hex digits of a hash and an ellipsis, as messages show one.</summary>
    public static string Abbreviated(string? hash) => hash is null ? "(none)" : hash.Length <= 12 ? hash : string.Concat(hash.AsSpan(0, 12), "…");

    private static ChainBreak Break(ChainLink link, ChainBreakKind kind, string detail) =>
        new(link.TillSeq, kind, string.Create(CultureInfo.InvariantCulture, $"{detail}."));
}

/// <summary>One entry as a walk sees it.</summary>
/// <param name="TillSeq">The entry's sequence number.</param>
/// <param name="BodySha256">SHA-256 (hex) of the document's bytes as the checker holds them; null when it holds none (a
/// damaged document's placeholder), and then only the link and the signature are checked.</param>
/// <param name="PrevHash">The entry's previous hash; null when unchained.</param>
/// <param name="Hash">The entry's hash; null when unchained.</param>
/// <param name="Signature">The till's signature over the hash; null when unchained.</param>
public sealed record ChainLink(long TillSeq, string? BodySha256, string? PrevHash, string? Hash, string? Signature);

/// <summary>The first broken link of a chain.</summary>
/// <param name="TillSeq">The entry where the chain breaks.</param>
/// <param name="Kind">What is wrong there.</param>
/// <param name="Detail">A sentence naming it.</param>
public sealed record ChainBreak(long TillSeq, ChainBreakKind Kind, string Detail);

/// <summary>What breaks a chain.</summary>
public enum ChainBreakKind
{
    /// <summary>One or more entries before this one are missing.</summary>
    Missing = 1,

    /// <summary>The entry's <c>tillSeq</c> is not above the one before it.</summary>
    OutOfOrder,

    /// <summary>The entry has no chain entry although the chain began before it.</summary>
    Unchained,

    /// <summary>The entry links to another previous hash than the entry before it has.</summary>
    Relinked,

    /// <summary>The document's bytes no longer give the entry's hash.</summary>
    Edited,

    /// <summary>The signature is not the till's over the hash.</summary>
    BadSignature,
}
