// Proves HQ checks each till's signed, hash-chained documents as they arrive, on a real HQ over HTTP (SQLite, or PostgreSQL
// with TILLSYNC_TEST_STORE=postgres): good links commit and HQ signs what it holds; an edited document, another store's
// till's signature and an unchained document after the chain began are refused by tillSeq, committing nothing.
using System.Net;
using System.Security.Cryptography;
using TillSync.Contracts.Sync;
using TillSync.Core.Chain;
using TillSync.Hq.Storage;
using TillSync.Storage;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Chain;

public sealed class ChainArrivalTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Sync_ChainedDocuments_CommitAndHqSignsTheHighestEntryItHolds()
    {
        using var till = await ChainedTill.EnrolAsync(fixture);
        var entries = new[] { till.NextSale(), till.NextSale(), till.NextSale() };

        var reply = await till.SyncAsync(entries);
        var replay = await till.SyncAsync(entries);

        Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        Assert.All(replay.Results, r => Assert.Equal(SyncStatus.Duplicate, r.Status));
        var snapshot = await till.Till.SnapshotAsync();
        foreach (var statement in new[] { reply.Statement!, replay.Statement!, snapshot.Statement! })
        {
            Assert.Equal((till.Till.TillId, 3L, entries[2].Chain!.Hash), (statement.TillId, statement.TillSeq, statement.Hash));
            using var hqKey = DocumentChain.PublicKey(snapshot.HqKey)!;
            Assert.True(HqStatementText.Verify(statement.TillId, statement.TillSeq, statement.Hash, statement.Signature, hqKey));
            Assert.False(HqStatementText.Verify(statement.TillId, 2, statement.Hash, statement.Signature, hqKey));
        }

        var chain = await ChainAsync(till.Till.TillId);
        Assert.Equal((3L, 3L, true, null, 3L, entries[2].Chain!.Hash), (chain.Entries, chain.Chained, chain.Holds, chain.BrokenAt, chain.HeadSeq, chain.HeadHash));
    }

    [Fact]
    public async Task Sync_UpgradedTillsUnchainedDocumentsThenItsFirstChainedOne_AllCommitInOneBatch()
    {
        using var till = await ChainedTill.EnrolAsync(fixture);
        var before = till.Till.Orders.NextBatch(2).Select(o => new ChainedTill.Entry(o,
            System.Text.Json.JsonSerializer.Serialize(TillClient.SaleDocument(o), Contracts.TillSyncJsonContext.Default.TillDocumentDto), null)).ToList();
        var first = till.NextSale(); // the chain starts here, at genesis

        var reply = await till.SyncAsync([.. before, first]);

        Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        Assert.Equal(DocumentChain.Genesis, first.Chain!.PrevHash);
        var chain = await ChainAsync(till.Till.TillId);
        Assert.Equal((3L, 1L, true, first.Chain.Hash), (chain.Entries, chain.Chained, chain.Holds, chain.HeadHash));
    }

    [Fact]
    public async Task Sync_DocumentEditedAfterItWasSigned_IsRefusedChainBrokenAndNothingAfterItCommits()
    {
        using var till = await ChainedTill.EnrolAsync(fixture);
        var first = till.NextSale();
        var signed = till.NextSale();
        var after = till.NextSale();
        // The bill's total paid in cash raised by a rupee after signing: a hand edit of the stored document.
        var edited = signed with { Json = signed.Json.Replace($"\"amountPaise\":{signed.Order.Payments[0].AmountPaise}",
            $"\"amountPaise\":{signed.Order.Payments[0].AmountPaise + 100}", StringComparison.Ordinal) };
        Assert.NotEqual(signed.Json, edited.Json);

        var reply = await till.SyncAsync([first, edited, after]);

        Assert.Equal([SyncStatus.Created, SyncStatus.Conflict, SyncStatus.NotProcessed], reply.Results.Select(r => r.Status));
        Assert.Equal([null, SyncReasons.ChainBroken, SyncReasons.ChainBroken], reply.Results.Select(r => r.Reason));
        Assert.Contains("tillSeq 2", reply.Results[1].Detail, StringComparison.Ordinal);
        Assert.Contains("changed after it was signed", reply.Results[1].Detail, StringComparison.Ordinal);
        Assert.Equal(2, reply.NextSeq);
        Assert.Equal((1L, first.Chain!.Hash), (reply.Statement!.TillSeq, reply.Statement.Hash));
        Assert.Null(await fixture.Manager.FindOrderAsync(signed.Order.ClientOrderId));
        Assert.Null(await fixture.Manager.FindOrderAsync(after.Order.ClientOrderId));

        // The document as it was signed still goes through: HQ holds nothing of the edited one.
        var honest = await till.SyncAsync([signed, after]);
        Assert.All(honest.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
    }

    [Fact]
    public async Task Sync_DocumentSignedByAnotherStoresTill_IsRefused()
    {
        var elsewhere = await HqScenario.EnrolTillInAnotherStoreAsync(fixture.Hq);
        using var foreignKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var registered = await elsewhere.RegisterKeyAsync(new Contracts.Tills.TillKeyRegistration("ES256",
            Convert.ToBase64String(foreignKey.ExportSubjectPublicKeyInfo())));
        await Responses.ExpectStatusAsync(registered, HttpStatusCode.OK, fixture.Hq);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        forger.ImportParameters(foreignKey.ExportParameters(includePrivateParameters: true));
        // This store's till, its entries signed with the Mumbai till's private key.
        using var till = await ChainedTill.EnrolAsync(fixture, forger);
        var before = await HqState.CaptureAsync(till.Till);

        var reply = await till.SyncAsync([till.NextSale()]);

        Assert.Equal((SyncStatus.Conflict, SyncReasons.ChainBroken), (reply.Results[0].Status, reply.Results[0].Reason));
        Assert.Contains("not signed by this till's key", reply.Results[0].Detail, StringComparison.Ordinal);
        await HqState.AssertUnchangedAsync(till.Till, before);
    }

    [Fact]
    public async Task Sync_UnchainedDocumentAfterTheChainBegan_IsRefusedChainMissing()
    {
        using var till = await ChainedTill.EnrolAsync(fixture);
        await till.SyncAsync([till.NextSale()]);
        var unchained = till.NextSale() with { Chain = null };

        var reply = await till.SyncAsync([unchained]);

        Assert.Equal((SyncStatus.Conflict, SyncReasons.ChainMissing, 2L), (reply.Results[0].Status, reply.Results[0].Reason, reply.Results[0].ExpectedSeq));
        Assert.Contains("tillSeq 2 came without its chain entry", reply.Results[0].Detail, StringComparison.Ordinal);
        Assert.Equal(2, reply.NextSeq);
    }

    [Fact]
    public async Task Sync_ChainNamingATillSeqOutsideTheBatch_IsRefusedWhole()
    {
        using var till = await ChainedTill.EnrolAsync(fixture);
        var entry = till.NextSale();
        var before = await HqState.CaptureAsync(till.Till);

        var response = await till.PostAsync([entry with { Chain = entry.Chain! with { TillSeq = 9 } }]);

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Contains("chain names tillSeq 9", detail, StringComparison.Ordinal);
        await HqState.AssertUnchangedAsync(till.Till, before);
    }

    [Fact]
    public async Task ChainCheck_EntryEditedInHqsDatabase_NamesTheFirstBrokenLink()
    {
        using var till = await ChainedTill.EnrolAsync(fixture);
        await till.SyncAsync([till.NextSale(), till.NextSale(), till.NextSale()]);
        var database = fixture.Hq.Postgres is { } postgres ? HqDatabase.Postgres(postgres) : HqDatabase.Sqlite(fixture.Hq.DataDir);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.Command("UPDATE till_documents SET body_sha256 = @sha WHERE till_id = @till AND till_seq = 2")
                .With("@sha", DocumentChain.BodySha256("{}")).With("@till", till.Till.TillId).ExecuteAsync(CancellationToken.None);
        }

        var chain = await ChainAsync(till.Till.TillId);

        Assert.Equal((false, 2L, "edited"), (chain.Holds, chain.BrokenAt, chain.BreakKind));
        Assert.Contains("tillSeq 2", chain.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChainCheck_ForACashier_IsRefused()
    {
        using var client = fixture.Hq.CreateClient((await fixture.EnrolTillAsync()).Token);

        var response = await client.GetAsync(new Uri("/api/v1/tills/1/chain", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private Task<Contracts.Tills.TillChainReport> ChainAsync(long tillId) => new ChainReports(fixture.Hq).OfAsync(tillId);
}
