// Proves the till chains and signs every document as it writes it (ADR 0016) and that a walk of a real till.db names the
// first broken link after an entry is edited, deleted or reordered by hand; that a file upgraded to schema 10 keeps its
// old entries unchained and starts its chain with the genesis marker; and that HQ's signed statement names a log behind it.
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Documents;
using TillSync.Core.Chain;
using TillSync.Core.Orders;
using TillSync.Storage;
using TillSync.Testing;
using TillSync.Till.Chain;
using TillSync.Till.Sales;
using TillSync.Till.Outbox;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Chain;

public sealed class TillChainTests
{
    private static readonly SaleRequest Sale = Carts.PaidInCash([new CartLine("MILK-500ML", 2)]);

    [Fact]
    public async Task Sell_ChainsEachDocumentToTheOneBefore_AndSignsItsHash()
    {
        await using var till = await SoldAsync(3);

        var rows = await RowsAsync(till);

        Assert.Equal([DocumentChain.Genesis, rows[0].Hash, rows[1].Hash], rows.Select(r => r.PrevHash));
        using var key = DocumentChain.PublicKey(till.Key.PublicKey)!;
        Assert.All(rows, r =>
        {
            Assert.Equal(DocumentChain.Hash(r.Seq, r.PrevHash!, DocumentChain.BodySha256(r.Body)), r.Hash);
            Assert.True(DocumentChain.Verify(r.Hash!, r.Signature!, key));
        });
        var report = await VerifyAsync(till);
        Assert.Equal((3L, 3L, 3L, true), (report.Entries, report.Walked, report.Chained, report.Holds));
    }

    [Fact]
    public async Task Verify_AnEntryEditedWithItsChecksum_NamesItAsEdited()
    {
        await using var till = await SoldAsync(3);
        var body = (await RowsAsync(till))[1].Body;
        var edited = body.Replace("\"qty\":2", "\"qty\":1", StringComparison.Ordinal);
        Assert.NotEqual(body, edited);
        await ExecuteAsync(till, "UPDATE documents SET body_json = @body, body_sha256 = @sha WHERE till_seq = 2",
            ("@body", edited), ("@sha", DocumentChain.BodySha256(edited)));

        var report = await VerifyAsync(till);

        Assert.Equal((2L, ChainBreakKind.Edited), (report.Break!.TillSeq, report.Break.Kind));
        Assert.Equal($"the document at tillSeq 2 does not give its chain hash {ChainWalk.Abbreviated((await RowsAsync(till))[1].Hash)}: it was changed after it was signed.",
            report.Break.Detail);
    }

    [Fact]
    public async Task Verify_ADeletedEntry_NamesTheMissingTillSeq()
    {
        await using var till = await SoldAsync(3);
        await ExecuteAsync(till, "DELETE FROM documents WHERE till_seq = 2");

        var report = await VerifyAsync(till);

        Assert.Equal((3L, ChainBreakKind.Missing), (report.Break!.TillSeq, report.Break.Kind));
        Assert.Equal("tillSeq 2 is missing (deleted?): the log goes from 1 to 3.", report.Break.Detail);
    }

    [Fact]
    public async Task Verify_TwoEntriesSwapped_NamesTheFirstAsRelinked()
    {
        await using var till = await SoldAsync(3);
        await ExecuteAsync(till, "UPDATE documents SET till_seq = -2 WHERE till_seq = 2");
        await ExecuteAsync(till, "UPDATE documents SET till_seq = 2 WHERE till_seq = 3");
        await ExecuteAsync(till, "UPDATE documents SET till_seq = 3 WHERE till_seq = -2");

        var report = await VerifyAsync(till);

        Assert.Equal((2L, ChainBreakKind.Relinked), (report.Break!.TillSeq, report.Break.Kind));
        Assert.StartsWith("tillSeq 2 links to previous hash", report.Break.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnEntryResignedWithAnotherKey_NamesTheSignature()
    {
        await using var till = await SoldAsync(2);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await ExecuteAsync(till, "UPDATE documents SET chain_signature = @signature WHERE till_seq = 2",
            ("@signature", DocumentChain.Sign((await RowsAsync(till))[1].Hash!, other)));

        var report = await VerifyAsync(till);

        Assert.Equal((2L, ChainBreakKind.BadSignature), (report.Break!.TillSeq, report.Break.Kind));
    }

    [Fact]
    public async Task Upgrade_Version7File_KeepsOldEntriesUnchainedAndStartsTheChainAtTheNextDocument()
    {
        var soldAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, BillNumber.IstOffset);
        var dataDir = TempDirectory.Create("till-v7-chain");
        await OldTills.Version7Async(dataDir, soldAt, [SyncStates.Synced, SyncStates.Pending], 12, 0);
        await using var till = await LocalTill.OpenAsync(dataDir, new FakeTimeProvider(soldAt.AddHours(1)));
        await till.Snapshots.SaveAsync(LocalTill.Snapshot(3, till.Time.GetUtcNow()), CancellationToken.None);

        await till.SellAsync(Sale);

        var rows = await RowsAsync(till);
        Assert.Equal([(1L, null), (2L, null), (3L, DocumentChain.Genesis)], rows.Select(r => (r.Seq, r.PrevHash)));
        var report = await VerifyAsync(till);
        Assert.Equal((3L, 1L, true), (report.Walked, report.Chained, report.Holds));
        // The old pending entry still goes to HQ unchained, the new one with its entry (the first was synced before).
        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);
        Assert.Equal([(2L, null), (3L, rows[2].Hash)], batch.Select(d => (d.TillSeq, d.Chain?.Hash)));
    }

    [Fact]
    public async Task Check_HqHoldsMoreThanTheTill_NamesTheTillAsBehind()
    {
        await using var till = await SoldAsync(2);
        using var hqKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var chain = new TillChain(till.Database);

        await chain.ReceivedAsync(Statement(hqKey, 5, new string('a', 64)), PublicKey(hqKey), 7, till.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal("till database is behind what HQ acknowledged: HQ holds seq 5 hash aaaaaaaaaaaa…, this till has seq 2", chain.Problem);
        Assert.Equal(chain.Problem, await new TillChain(till.Database).CheckAsync(CancellationToken.None)); // as on the next start
    }

    [Fact]
    public async Task Check_HqHoldsAnotherEntryAtItsSeq_NamesTheDifference_AndAnUnsignedStatementIsIgnored()
    {
        await using var till = await SoldAsync(2);
        using var hqKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var chain = new TillChain(till.Database);
        var own = (await RowsAsync(till))[1].Hash;

        await chain.ReceivedAsync(Statement(hqKey, 2, own), PublicKey(hqKey), 7, till.Time.GetUtcNow(), CancellationToken.None);
        Assert.Null(chain.Problem);
        await chain.ReceivedAsync(Statement(forger, 9, own), PublicKey(hqKey), 7, till.Time.GetUtcNow(), CancellationToken.None);
        Assert.Null(chain.Problem);
        await chain.ReceivedAsync(Statement(hqKey, 2, new string('b', 64)), PublicKey(hqKey), 7, till.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal($"till database differs from what HQ acknowledged: HQ holds seq 2 hash bbbbbbbbbbbb…, this till has hash {ChainWalk.Abbreviated(own)} at seq 2",
            chain.Problem);
    }

    private static HqStatementDto Statement(ECDsa key, long seq, string? hash) => HqSigning.Statement(key, 7, seq, hash);

    private static string PublicKey(ECDsa key) => HqSigning.PublicKey(key);

    private static Task<LocalTill> SoldAsync(int sales) => HqSigning.SoldAsync(Sale, sales);

    private static async Task<ChainReport> VerifyAsync(LocalTill till)
    {
        using var key = DocumentChain.PublicKey(till.Key.PublicKey)!;
        return await new TillChain(till.Database).VerifyAsync(key, null, CancellationToken.None);
    }

    private static async Task ExecuteAsync(LocalTill till, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        await connection.Command(sql).WithAll(parameters).ExecuteAsync(CancellationToken.None);
    }

    private static async Task<List<Row>> RowsAsync(LocalTill till)
    {
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        return await connection.Command("SELECT till_seq, body_json, chain_prev_hash, chain_hash, chain_signature FROM documents ORDER BY till_seq")
            .ListAsync(r => new Row(r.GetInt64(0), r.GetString(1), r.NullableString(2), r.NullableString(3), r.NullableString(4)), CancellationToken.None);
    }

    private sealed record Row(long Seq, string Body, string? PrevHash, string? Hash, string? Signature);
}
