// Proves the store LAN's acceptance rules (ADR 0019): a page of another till's chain is taken only while each entry's hash
// is its exact bytes', its signature the origin till's key from the snapshot and its link the copy held; an edited, deleted
// or reordered entry, a till of another store and a foreign signature are refused by name. Real tills' documents
// (LocalTill: a real till.db and the real recorders) served by the real PeerCopies.
using TillSync.Contracts.Sync;
using TillSync.Till.Peers;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Peers;

public sealed class PeerAcceptanceTests
{
    private const string Sku = "RICE-5KG";
    private const long SellerId = PeerCopying.SellerId;
    private const long ReaderId = PeerCopying.ReaderId;

    [Fact]
    public async Task WholeChain_IsAcceptedInOrder_AndServedOnAsTheSameBytes()
    {
        await using var seller = await SellerWithSalesAsync(3);
        await using var reader = await LocalTill.CreateAsync();
        var entries = await EntriesAsync(seller);

        var (accepted, refusal) = PeerAcceptance.Check(PeerCopying.ReaderSnapshot(seller, sellerHead: 1), SellerId, null, null, entries);
        var copies = new PeerCopies(reader.Database);
        var (stored, duplicate) = await copies.StoreAsync(accepted, "http://127.0.0.1:1/", reader.Time.GetUtcNow(), CancellationToken.None);
        var servedOn = await copies.PageAsync(SellerId, ReaderId, 0, CancellationToken.None);

        Assert.Null(refusal);
        Assert.Null(duplicate);
        Assert.Equal(3, stored);
        Assert.Equal([1L, 2L, 3L], accepted.Select(a => a.Entry.TillSeq));
        Assert.Equal(entries, servedOn.Entries);
        Assert.False(servedOn.More);
    }

    [Fact]
    public async Task EditedEntry_IsRefusedAsEdited_AndWhatCameBeforeItIsKept()
    {
        await using var seller = await SellerWithSalesAsync(3);
        var entries = (await EntriesAsync(seller)).ToList();
        entries[1] = entries[1] with { Document = entries[1].Document.Replace("\"qty\":1", "\"qty\":9", StringComparison.Ordinal) };
        Assert.NotEqual((await EntriesAsync(seller))[1].Document, entries[1].Document);

        var (accepted, refusal) = PeerAcceptance.Check(PeerCopying.ReaderSnapshot(seller, sellerHead: 1), SellerId, null, null, entries);

        Assert.Equal([1L], accepted.Select(a => a.Entry.TillSeq));
        Assert.Equal(("edited", 2L), (refusal?.Code, refusal?.TillSeq ?? 0));
    }

    [Fact]
    public async Task DeletedEntry_IsRefusedAsMissing()
    {
        await using var seller = await SellerWithSalesAsync(3);
        var entries = await EntriesAsync(seller);

        var (accepted, refusal) = PeerAcceptance.Check(PeerCopying.ReaderSnapshot(seller, sellerHead: 1), SellerId, null, null, [entries[0], entries[2]]);

        Assert.Single(accepted);
        Assert.Equal(("missing", 3L), (refusal?.Code, refusal?.TillSeq ?? 0));
    }

    [Fact]
    public async Task ReorderedEntries_AreRefused()
    {
        await using var seller = await SellerWithSalesAsync(3);
        var entries = await EntriesAsync(seller);
        // Rows 2 and 3 swapped in the seller's database: each keeps its bytes and chain entry under the other's tillSeq.
        PeerEntry[] swapped = [entries[0], entries[2] with { TillSeq = 2 }, entries[1] with { TillSeq = 3 }];

        var (accepted, refusal) = PeerAcceptance.Check(PeerCopying.ReaderSnapshot(seller, sellerHead: 1), SellerId, null, null, swapped);

        Assert.Single(accepted);
        Assert.Equal(("relinked", 2L), (refusal?.Code, refusal?.TillSeq ?? 0));
    }

    [Fact]
    public async Task TillOfAnotherStore_IsRefusedWhole()
    {
        await using var seller = await SellerWithSalesAsync(1);
        // The reader's snapshot lists only the tills of its own store: the seller is not among them.
        var snapshot = PeerCopying.ReaderSnapshot(seller, sellerHead: 1) with { TillKeys = [] };

        var (accepted, refusal) = PeerAcceptance.Check(snapshot, SellerId, null, null, await EntriesAsync(seller));

        Assert.Empty(accepted);
        Assert.Equal("foreign_till", refusal?.Code);
    }

    [Fact]
    public async Task DocumentsSignedByAnotherKey_AreRefusedAsBadSignature()
    {
        await using var seller = await SellerWithSalesAsync(1);
        await using var impostor = await LocalTill.CreateAsync();
        // Till 7 of this store has the seller's key, but these entries were signed by another till's key under its name.
        var snapshot = PeerCopying.ReaderSnapshot(seller, sellerHead: 1);
        impostor.Time.Advance(TimeSpan.FromSeconds(1));
        await impostor.SellAsync(Sale(1));

        var (accepted, refusal) = PeerAcceptance.Check(snapshot, SellerId, null, null, await EntriesAsync(impostor));

        Assert.Empty(accepted);
        Assert.Equal(("bad_signature", 1L), (refusal?.Code, refusal?.TillSeq ?? 0));
    }

    [Fact]
    public async Task ExchangeCutAfterAPage_ResumesFromTheCopyHeld()
    {
        await using var seller = await SellerWithSalesAsync(3);
        await using var reader = await LocalTill.CreateAsync();
        var copies = new PeerCopies(reader.Database);
        var entries = await EntriesAsync(seller);
        var (first, _) = PeerAcceptance.Check(PeerCopying.ReaderSnapshot(seller, sellerHead: 1), SellerId, null, null, entries[..2]);
        await copies.StoreAsync(first, "peer", reader.Time.GetUtcNow(), CancellationToken.None);

        var top = await copies.TopAsync(SellerId, CancellationToken.None);
        var rest = await new PeerCopies(seller.Database).PageAsync(SellerId, SellerId, top!.Value.TillSeq, CancellationToken.None);
        var (second, refusal) = PeerAcceptance.Check(PeerCopying.ReaderSnapshot(seller, sellerHead: 1), SellerId, top.Value.TillSeq, top.Value.Hash, rest.Entries);
        var (stored, _) = await copies.StoreAsync(second, "peer", reader.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(2L, top.Value.TillSeq);
        Assert.Null(refusal);
        Assert.Equal([3L], second.Select(a => a.Entry.TillSeq));
        Assert.Equal(1, stored);
        Assert.Equal([new PeerHead(SellerId, 3)], await copies.HeadsAsync(ReaderId, CancellationToken.None));
    }

    private static async Task<LocalTill> SellerWithSalesAsync(int sales)
    {
        var seller = await LocalTill.CreateAsync();
        for (var i = 0; i < sales; i++)
        {
            await seller.SellAsync(Sale(1));
        }

        return seller;
    }

    private static async Task<PeerEntry[]> EntriesAsync(LocalTill till) =>
        [.. (await new PeerCopies(till.Database).PageAsync(SellerId, SellerId, 0, CancellationToken.None)).Entries];

    private static SaleRequest Sale(decimal qty) => new([new CartLine(Sku, qty)], [new Tender(PaymentMethods.Cash, 10_000_000)]);
}
