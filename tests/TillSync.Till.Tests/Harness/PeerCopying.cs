// Copies one LocalTill's chain into another's peer copies as the store LAN exchange does — the seller's own page served by
// PeerCopies, checked by PeerAcceptance against the reader's snapshot, stored — for tests of what the copies change.
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Tills;
using TillSync.Till.Peers;

namespace TillSync.Till.Tests.Harness;

/// <summary>The store LAN between two in-process tills.</summary>
public static class PeerCopying
{
    /// <summary>The till id a seller's documents carry in these tests (LocalTill's snapshot).</summary>
    public const long SellerId = 7;

    /// <summary>The reader's own till id.</summary>
    public const long ReaderId = 8;

    /// <summary>The reader's snapshot: till 8 of the store, with the seller (till 7) in its keys and both tills' heads at
    /// <paramref name="sellerHead"/> and 1; <paramref name="loyalty"/> as given.</summary>
    public static TillSnapshot ReaderSnapshot(LocalTill seller, long sellerHead, SnapshotLoyalty? loyalty = null) =>
        LocalTill.Snapshot(1, seller.Time.GetUtcNow(),
            tillKeys: [new TillPublicKey(SellerId, LocalTill.BillPrefix, "ES256", seller.Key.PublicKey, seller.Time.GetUtcNow())], loyalty: loyalty)
        with { TillId = ReaderId, TillHeads = [new TillHead(SellerId, sellerHead), new TillHead(ReaderId, 1)] };

    /// <summary>Copies every entry of the seller's chain the reader accepts into the reader's peer copies; asserts none is
    /// refused and returns how many were stored.</summary>
    public static async Task<int> CopyAsync(LocalTill seller, LocalTill reader)
    {
        var page = await new PeerCopies(seller.Database).PageAsync(SellerId, SellerId, 0, CancellationToken.None);
        var (accepted, refusal) = PeerAcceptance.Check(reader.Snapshots.Current!, SellerId, null, null, page.Entries);
        Assert.Null(refusal);
        var (stored, _) = await new PeerCopies(reader.Database).StoreAsync(accepted, "test", reader.Time.GetUtcNow(), CancellationToken.None);
        return stored;
    }
}
