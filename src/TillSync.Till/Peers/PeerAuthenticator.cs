using TillSync.Core.Chain;
using TillSync.Core.Receipts;
using TillSync.Till.Catalog;

namespace TillSync.Till.Peers;

/// <summary>Checks that a request on the peer listener comes from another till of this store (ADR 0019): it must carry
/// <see cref="PeerRequestSignature.Header"/>, name a till whose key is in the snapshot's <c>tillKeys</c> (the store's
/// tills), be signed by that key over this very request, and be at most <see cref="ClockSkewMax"/> away from this till's
/// clock. A missing, malformed, stale or badly signed request is 401; a till that is not of this store is 403.</summary>
public sealed class PeerAuthenticator(SnapshotStore snapshots, TimeProvider time)
{
    /// <summary>How far a request's time may be from this till's clock, either way: tills of a store keep their clocks
    /// within seconds of each other, and a captured request is replayable only within this window (and only reads).</summary>
    public static readonly TimeSpan ClockSkewMax = TimeSpan.FromMinutes(2);

    /// <summary>The calling till's id, or the refusal to answer with.</summary>
    public (long? TillId, PeerRefusalAnswer? Refusal) Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (snapshots.Current is not { } snapshot)
        {
            return (null, new(StatusCodes.Status503ServiceUnavailable, "No snapshot yet",
                "This till has not reached HQ yet, so it does not know the store's tills: ask again later."));
        }

        if (PeerRequestSignature.Parse(request.Headers[PeerRequestSignature.Header]) is not { } header)
        {
            return (null, Unauthorized($"Sign the request with the '{PeerRequestSignature.Header}' header (till=…;at=…;sig=…): only the store's tills may call this listener."));
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(checked(now - header.At)) > (long)ClockSkewMax.TotalSeconds)
        {
            return (null, Unauthorized($"The request's time ({header.At}) is more than {ClockSkewMax.TotalSeconds:0} s from this till's clock ({now}): stale or replayed, or a clock is wrong."));
        }

        if (header.TillId == snapshot.TillId
            || snapshot.TillKeys?.FirstOrDefault(k => k.TillId == header.TillId && k.Algorithm == ReceiptCode.Algorithm) is not { } registered)
        {
            return (null, new(StatusCodes.Status403Forbidden, "Not a till of this store",
                $"Till {header.TillId} is not another till of this store with a key in this till's snapshot: its requests are refused."));
        }

        using var key = DocumentChain.PublicKey(registered.PublicKey);
        var digest = PeerRequestSignature.Digest(request.Method, request.Path.Value + request.QueryString.Value, header.At, header.TillId, []);
        return key is not null && DocumentChain.Verify(digest, header.Signature, key)
            ? (header.TillId, null)
            : (null, Unauthorized($"The signature is not till {header.TillId}'s over this request."));
    }

    private static PeerRefusalAnswer Unauthorized(string detail) => new(StatusCodes.Status401Unauthorized, "Peer not authenticated", detail);
}

/// <summary>A refusal of a peer request, answered as problem+json.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Title">The problem's title.</param>
/// <param name="Detail">A sentence saying why.</param>
public sealed record PeerRefusalAnswer(int Status, string Title, string Detail);
