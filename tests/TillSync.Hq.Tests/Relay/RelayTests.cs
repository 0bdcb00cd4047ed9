// Proves the relay (ADR 0020) on a real HQ over HTTP (SQLite, or PostgreSQL with TILLSYNC_TEST_STORE=postgres): a till
// of the store carries another's signed documents, which commit once each in their till's order whichever way they come.
using System.Security.Cryptography;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Core.Chain;
using TillSync.Hq.Accounting;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Relay;

public sealed class RelayTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Relay_AnotherTillsDocuments_CommitOnceInItsOrderWithItsStatement_AndItsOwnSyncThenAnswersDuplicate()
    {
        using var a = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);
        var entries = new[] { a.NextSale(), a.NextSale(), a.NextSale() };
        var onHandBefore = await fixture.Manager.OnHandAllAsync();

        var relayed = (await RelayRequests.RelayAsync(b.Till, (a.Till.TillId, entries))).Groups.Single();
        var aAfterRelay = await fixture.Manager.GetTillAsync(a.Till.TillId);
        var direct = await a.SyncAsync(entries);

        Assert.All(relayed.Results, r => Assert.Equal((SyncStatus.Created, false), (r.Status, r.Replayed)));
        Assert.Equal(4L, relayed.NextSeq);
        await AssertStatementAsync(a, relayed.Statement!, 3, entries[2].Chain!.Hash);
        // The relay moved A's nextSeq, but A itself has not reached HQ: its last sync time stays empty.
        Assert.Equal((4L, (DateTimeOffset?)null), (aAfterRelay.NextSeq, aAfterRelay.LastSyncAt));
        Assert.All(direct.Results, r => Assert.Equal((SyncStatus.Duplicate, true), (r.Status, r.Replayed)));
        Assert.Equal(relayed.Results.Select(r => (r.Number, r.CommittedAt)), direct.Results.Select(r => (r.Number, r.CommittedAt)));
        await AssertCommittedOnceAsync(a, entries);
        Assert.Empty(await fixture.Manager.ListAllOrdersAsync(b.Till.TillId));
        Assert.Equal(1L, (await fixture.Manager.GetTillAsync(b.Till.TillId)).NextSeq);
        Assert.Equal(Expected(onHandBefore, entries), await fixture.Manager.OnHandAllAsync());
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Hq.Output(2_000)),
            o => o.Contains($"Sync of till {a.Till.TillId} relayed by till {b.Till.TillId}: 3 documents, 3 created", StringComparison.Ordinal),
            Patience.Exchanges, "HQ to log the relay naming both tills", fixture.Hq);
    }

    [Fact]
    public async Task Relay_ARejectedDocument_IsAnsweredWithHqsSignedRejection_ForTheOrigin()
    {
        using var a = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);
        var entries = new[] { a.NextSale(), a.NextSale(o => o with { Totals = o.Totals with { TaxablePaise = o.Totals.TaxablePaise + 1 } }), a.NextSale() };

        var relayed = (await RelayRequests.RelayAsync(b.Till, (a.Till.TillId, entries))).Groups.Single();

        Assert.Equal([SyncStatus.Created, SyncStatus.Rejected, SyncStatus.Created], relayed.Results.Select(r => r.Status));
        var rejected = relayed.Results[1];
        Assert.Equal(SyncReasons.TotalsMismatch, rejected.Reason);
        var outcome = Assert.Single(relayed.Outcomes!);
        Assert.Equal((a.Till.TillId, 2L, entries[1].Order.ClientOrderId, rejected.Reason, rejected.Detail),
            (outcome.TillId, outcome.TillSeq, outcome.DocumentId, outcome.Reason, outcome.Detail));
        using var hqKey = DocumentChain.PublicKey((await a.Till.SnapshotAsync()).HqKey)!;
        Assert.True(HqOutcomeText.Verify(outcome.TillId, outcome.TillSeq, outcome.DocumentId, outcome.Reason, outcome.Detail, outcome.Signature, hqKey));
        // The signature covers every field: a peer cannot move it to another document or soften its reason.
        Assert.False(HqOutcomeText.Verify(outcome.TillId, 3, entries[2].Order.ClientOrderId, outcome.Reason, outcome.Detail, outcome.Signature, hqKey));
        Assert.False(HqOutcomeText.Verify(outcome.TillId, outcome.TillSeq, outcome.DocumentId, SyncReasons.RetryLater, outcome.Detail, outcome.Signature, hqKey));
        Assert.False(HqOutcomeText.Verify(outcome.TillId, outcome.TillSeq, outcome.DocumentId, outcome.Reason, "fine", outcome.Signature, hqKey));
    }

    [Fact]
    public async Task Relay_AndTheOriginsOwnSyncAtOnce_CommitEachDocumentOnce()
    {
        using var a = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);
        var entries = Enumerable.Range(0, 20).Select(_ => a.NextSale()).ToList();
        var onHandBefore = await fixture.Manager.OnHandAllAsync();

        var relayed = RelayRequests.RelayAsync(b.Till, (a.Till.TillId, entries));
        var direct = a.SyncAsync(entries);
        await Task.WhenAll(relayed, direct);

        // Whichever took A's row first committed all twenty; the other answered each from the ledger.
        var answers = (await relayed).Groups.Single().Results.Zip((await direct).Results);
        Assert.All(answers, pair => Assert.Equal(1, new[] { pair.First, pair.Second }.Count(r => r.Status == SyncStatus.Created)));
        Assert.All(answers, pair => Assert.Equal(pair.First.Number, pair.Second.Number));
        await AssertCommittedOnceAsync(a, entries);
        Assert.Equal(Expected(onHandBefore, entries), await fixture.Manager.OnHandAllAsync());
    }

    [Fact]
    public async Task Relay_AfterTheOriginsOwnSync_AnswersDuplicate_AndARetriedRequestChangesNothing()
    {
        using var a = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);
        var synced = new[] { a.NextSale(), a.NextSale() };
        var later = new[] { a.NextSale(), a.NextSale() };
        var own = await a.SyncAsync(synced);
        var onHandBefore = await fixture.Manager.OnHandAllAsync();

        // B relays all four: the two A sent itself answer duplicate, the two after them commit, in one group.
        var first = (await RelayRequests.RelayAsync(b.Till, (a.Till.TillId, [.. synced, .. later]))).Groups.Single();
        var retried = (await RelayRequests.RelayAsync(b.Till, (a.Till.TillId, [.. synced, .. later]))).Groups.Single();

        Assert.Equal([SyncStatus.Duplicate, SyncStatus.Duplicate, SyncStatus.Created, SyncStatus.Created], first.Results.Select(r => r.Status));
        Assert.Equal(own.Results.Select(r => r.Number), first.Results.Take(2).Select(r => r.Number));
        Assert.All(retried.Results, r => Assert.Equal((SyncStatus.Duplicate, true), (r.Status, r.Replayed)));
        Assert.Equal(first.Results.Select(r => r.Number), retried.Results.Select(r => r.Number));
        Assert.Equal((5L, 5L), (first.NextSeq, retried.NextSeq));
        await AssertStatementAsync(a, retried.Statement!, 4, later[1].Chain!.Hash);
        await AssertCommittedOnceAsync(a, [.. synced, .. later]);
        Assert.Equal(Expected(onHandBefore, later), await fixture.Manager.OnHandAllAsync());
    }

    [Fact]
    public async Task Relay_DocumentEditedAfterSigning_IsRefusedChainBroken_AndNothingAfterItCommits()
    {
        using var a = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);
        var good = a.NextSale();
        var signed = a.NextSale();
        var after = a.NextSale();
        // The relaying peer raises the cash paid by a rupee: the bytes no longer give the hash A signed.
        var edited = signed with { Json = signed.Json.Replace($"\"amountPaise\":{signed.Order.Payments[0].AmountPaise}",
            $"\"amountPaise\":{signed.Order.Payments[0].AmountPaise + 100}", StringComparison.Ordinal) };
        Assert.NotEqual(signed.Json, edited.Json);

        var group = (await RelayRequests.RelayAsync(b.Till, (a.Till.TillId, [good, edited, after]))).Groups.Single();

        Assert.Equal([SyncStatus.Created, SyncStatus.Conflict, SyncStatus.NotProcessed], group.Results.Select(r => r.Status));
        Assert.Equal([null, SyncReasons.ChainBroken, SyncReasons.ChainBroken], group.Results.Select(r => r.Reason));
        Assert.Contains("changed after it was signed", group.Results[1].Detail, StringComparison.Ordinal);
        Assert.Equal(2L, group.NextSeq);
        await AssertStatementAsync(a, group.Statement!, 1, good.Chain!.Hash);
        Assert.Null(await fixture.Manager.FindOrderAsync(signed.Order.ClientOrderId));
        Assert.Null(await fixture.Manager.FindOrderAsync(after.Order.ClientOrderId));
        // The manager sees it as A's conflict, as if A had sent it.
        var item = Assert.Single((await fixture.Manager.ListReviewsAsync($"status=all&kind={ReviewKinds.SyncConflict}&tillId={a.Till.TillId}")).Items);
        Assert.Equal(a.Till.TillId, item.TillId);

        // The document as A signed it still goes through, relayed or sent by A.
        var honest = (await RelayRequests.RelayAsync(b.Till, (a.Till.TillId, [signed, after]))).Groups.Single();
        Assert.All(honest.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        await AssertCommittedOnceAsync(a, [good, signed, after]);
    }

    [Fact]
    public async Task Relay_DocumentSignedByTheRelayingTillsKey_IsRefusedChainBroken()
    {
        var bKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var b = await EnrolWithKeyAsync(bKey);
        // A registers its own key, but these documents of A's are signed with B's: B forging A's sales.
        using var forged = await ChainedTill.EnrolAsync(fixture, ECDsa.Create(bKey.ExportParameters(includePrivateParameters: true)));
        var entries = new[] { forged.NextSale(), forged.NextSale() };

        var group = (await RelayRequests.RelayAsync(b.Till, (forged.Till.TillId, entries))).Groups.Single();

        Assert.Equal([SyncStatus.Conflict, SyncStatus.NotProcessed], group.Results.Select(r => r.Status));
        Assert.Equal([SyncReasons.ChainBroken, SyncReasons.ChainBroken], group.Results.Select(r => r.Reason));
        Assert.Equal(1L, group.NextSeq);
        Assert.Empty(await fixture.Manager.ListAllOrdersAsync(forged.Till.TillId));
    }

    [Fact]
    public async Task Relay_GroupWithAGap_StopsAtTheGap_AsTheOriginsOwnSyncWould()
    {
        using var a = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);
        var entries = new[] { a.NextSale(), a.NextSale(), a.NextSale() };

        // The peer holds A's 2 and 3 but not 1 yet.
        var group = (await RelayRequests.RelayAsync(b.Till, (a.Till.TillId, entries[1..]))).Groups.Single();

        Assert.All(group.Results, r => Assert.Equal((SyncStatus.NotProcessed, SyncReasons.SeqGap, 1L), (r.Status, r.Reason, r.ExpectedSeq)));
        Assert.Equal((1L, 0L), (group.NextSeq, group.Statement!.TillSeq));
        Assert.Empty(await fixture.Manager.ListAllOrdersAsync(a.Till.TillId));

        var filled = (await RelayRequests.RelayAsync(b.Till, (a.Till.TillId, entries))).Groups.Single();
        Assert.All(filled.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        await AssertCommittedOnceAsync(a, entries);
    }

    [Fact]
    public async Task Relay_FourTillsThreeRelayedThroughOne_EveryDocumentCommitsOnceInEachTillsOrder_ThenHealingSendsNothingTwice()
    {
        using var linked = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);
        using var c = await ChainedTill.EnrolAsync(fixture);
        using var d = await ChainedTill.EnrolAsync(fixture);
        ChainedTill[] cut = [b, c, d];
        var made = cut.ToDictionary(t => t.Till.TillId, t => Enumerable.Range(0, 6).Select(_ => t.NextSale()).ToList());
        var onHandBefore = await fixture.Manager.OnHandAllAsync();

        // The linked till relays what its peers hold as the LAN delivers it: first each till's first four, then all six.
        await RelayRequests.RelayAsync(linked.Till, [.. cut.Select(t => (t.Till.TillId, (IReadOnlyList<ChainedTill.Entry>)made[t.Till.TillId][..4]))]);
        var second = await RelayRequests.RelayAsync(linked.Till, [.. cut.Reverse().Select(t => (t.Till.TillId, (IReadOnlyList<ChainedTill.Entry>)made[t.Till.TillId]))]);
        // Links heal: each till sends its own queue.
        var healed = await Task.WhenAll(cut.Select(t => t.SyncAsync(made[t.Till.TillId])));

        Assert.All(second.Groups, g => Assert.Equal(
            [SyncStatus.Duplicate, SyncStatus.Duplicate, SyncStatus.Duplicate, SyncStatus.Duplicate, SyncStatus.Created, SyncStatus.Created],
            g.Results.Select(r => r.Status)));
        Assert.All(healed, h => Assert.All(h.Results, r => Assert.Equal(SyncStatus.Duplicate, r.Status)));
        foreach (var till in cut)
        {
            await AssertCommittedOnceAsync(till, made[till.Till.TillId]);
        }

        Assert.Equal(Expected(onHandBefore, [.. made.Values.SelectMany(e => e)]), await fixture.Manager.OnHandAllAsync());
        using var http = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        var scrape = await PrometheusText.ScrapeAsync(http);
        Assert.True(scrape.Sum("tillsync_sync_relayed_documents_total", ("tillsync_sync_status", "created")) >= 18);
        Assert.True(scrape.Sum("tillsync_sync_requests_total", ("tillsync_sync_contract", "relay"), ("tillsync_sync_outcome", "answered")) >= 2);
    }

    private async Task<ChainedTill> EnrolWithKeyAsync(ECDsa key)
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var registered = await till.RegisterKeyAsync(new Contracts.Tills.TillKeyRegistration("ES256", Convert.ToBase64String(key.ExportSubjectPublicKeyInfo())));
        await Responses.ExpectStatusAsync(registered, System.Net.HttpStatusCode.OK, fixture.Hq);
        return new ChainedTill(till, key);
    }

    private static async Task AssertStatementAsync(ChainedTill origin, Contracts.Documents.HqStatementDto statement, long tillSeq, string hash)
    {
        Assert.Equal((origin.Till.TillId, tillSeq, hash), (statement.TillId, statement.TillSeq, statement.Hash));
        using var hqKey = DocumentChain.PublicKey((await origin.Till.SnapshotAsync()).HqKey)!;
        Assert.True(HqStatementText.Verify(statement.TillId, statement.TillSeq, statement.Hash, statement.Signature, hqKey));
    }

    // Each sale is one order of its till, in tillSeq order, with one journal entry.
    private async Task AssertCommittedOnceAsync(ChainedTill origin, IReadOnlyList<ChainedTill.Entry> entries)
    {
        var orders = await fixture.Manager.ListAllOrdersAsync(origin.Till.TillId);
        Assert.Equal(entries.Select(e => (e.Order.ClientOrderId, e.Order.TillSeq)), orders.Select(o => (o.ClientOrderId, o.TillSeq)));
        var journal = await new LedgerClient(fixture.Hq).JournalAsync();
        Assert.All(entries, e => Assert.Single(journal, j => j.Ref == JournalKinds.SaleRef(e.Order.ClientOrderId)));
    }

    private static Dictionary<string, decimal> Expected(IReadOnlyDictionary<string, decimal> before, IReadOnlyList<ChainedTill.Entry> sold)
    {
        var expected = before.ToDictionary(p => p.Key, p => p.Value);
        foreach (var line in sold.SelectMany(e => e.Order.Lines))
        {
            expected[line.Sku] -= line.Qty;
        }

        return expected;
    }
}
