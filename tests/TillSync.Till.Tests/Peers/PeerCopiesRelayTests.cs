// Proves what a till picks to relay to HQ (ADR 0020): per origin till, its copies from HQ's next expected tillSeq on, in
// tillSeq order, as the exact bytes and chain entries held, and at most Limits.SyncOrdersMax documents in all groups.
using TillSync.Core;
using TillSync.Storage;
using TillSync.Till.Peers;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Peers;

public sealed class PeerCopiesRelayTests
{
    [Fact]
    public async Task Unrelayed_StartsAtHqsNextSeq_WithTheBytesAndChainEntriesHeld()
    {
        await using var seller = await LocalTill.CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            await seller.SellAsync(Carts.PaidInCash([new CartLine("MILK-500ML", i + 1)]));
        }

        await using var reader = await LocalTill.CreateAsync();
        await reader.Snapshots.SaveAsync(PeerCopying.ReaderSnapshot(seller, 1), CancellationToken.None);
        Assert.Equal(4, await PeerCopying.CopyAsync(seller, reader));
        var page = await new PeerCopies(seller.Database).PageAsync(PeerCopying.SellerId, PeerCopying.SellerId, 2, CancellationToken.None);

        var groups = await new PeerCopies(reader.Database).UnrelayedAsync(_ => 3, CancellationToken.None);

        var group = Assert.Single(groups);
        Assert.Equal(PeerCopying.SellerId, group.OriginTillId);
        Assert.Equal(page.Entries.Select(e => (e.TillSeq, e.Document, e.PrevHash, e.Hash, e.Signature)),
            group.Documents.Select(d => (d.TillSeq, d.Json, d.Chain.PrevHash, d.Chain.Hash, d.Chain.Signature)));
        Assert.Equal([3L, 4L], group.Documents.Select(d => d.Chain.TillSeq));
    }

    [Fact]
    public async Task Unrelayed_TakesAtMostSyncOrdersMaxDocuments_InAllGroups_OldestFirst()
    {
        await using var reader = await LocalTill.CreateAsync();
        await InsertCopiesAsync(reader, originTillId: 3, count: 400);
        await InsertCopiesAsync(reader, originTillId: 9, count: 300);

        var fromStart = await new PeerCopies(reader.Database).UnrelayedAsync(_ => 1, CancellationToken.None);
        var fromHead = await new PeerCopies(reader.Database).UnrelayedAsync(origin => origin == 3 ? 351 : 1, CancellationToken.None);

        Assert.Equal([(3L, 1L, 400L, 400), (9L, 1L, 100L, 100)], fromStart.Select(Summary));
        Assert.Equal([(3L, 351L, 400L, 50), (9L, 1L, 300L, 300)], fromHead.Select(Summary));
        Assert.Equal(Limits.SyncOrdersMax, fromStart.Sum(g => g.Documents.Count));
    }

    private static (long Origin, long First, long Last, int Count) Summary(TillSync.Till.Sync.RelayedGroup group) =>
        (group.OriginTillId, group.Documents[0].TillSeq, group.Documents[^1].TillSeq, group.Documents.Count);

    // Rows as the exchange stores them; what is picked to relay reads them as held, so they need not verify here.
    private static async Task InsertCopiesAsync(LocalTill till, long originTillId, int count)
    {
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        for (var seq = 1; seq <= count; seq++)
        {
            await connection.Command("""
                INSERT INTO peer_documents (origin_till_id, till_seq, document_id, kind, number, body_json, body_sha256,
                                            chain_prev_hash, chain_hash, chain_signature, received_from, received_at)
                VALUES (@till, @seq, @id, 'sale', NULL, '{}', 'sha', 'prev', 'hash', 'sig', 'test', '2026-12-06T00:00:00Z')
                """).With("@till", originTillId).With("@seq", (long)seq).With("@id", $"{originTillId:D8}-0000-7000-8000-{seq:D12}")
                .ExecuteAsync(CancellationToken.None);
        }
    }
}
