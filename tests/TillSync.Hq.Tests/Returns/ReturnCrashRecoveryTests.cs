// Proves durability and atomicity of return documents across kill -9: HQ is SIGKILLed in the middle of a 500-document
// batch of sales each followed by a return of one of its units, restarted on the same database, and must hold a gap-free
// prefix of documents with every credit note once and stock that matches it; resending completes every document once.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using Xunit.Abstractions;

namespace TillSync.Hq.Tests.Returns;

public sealed class ReturnCrashRecoveryTests(ITestOutputHelper log)
{
    private const int Pairs = 250;

    [Fact]
    public async Task Sync_KilledMidBatchOfReturnsAndResent_CommitsEveryDocumentExactlyOnce()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var manager = new ManagerClient(hq);
        var till = await HqScenario.EnrolTillAsync(hq, version: SyncVersion.V2);
        var returns = new ReturnFactory(till.Orders, till.BillPrefix);
        var documents = new List<TillDocumentDto>();
        for (var i = 0; i < Pairs; i++)
        {
            var sale = till.Orders.NextWalkIn([OrderFactory.Line("SOAP-125G", 2)]);
            documents.Add(TillClient.SaleDocument(sale));
            documents.Add(returns.Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)]));
        }

        var start = await manager.OnHandAsync("SOAP-125G");
        var random = new Random(till.Orders.Seed);
        log.WriteLine($"seed {till.Orders.Seed}");
        for (var round = 1; round <= 3; round++)
        {
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 301));
            log.WriteLine($"round {round}: {await KilledSync.PostDocumentsThenKillAsync(hq, till, documents, delay)}");
            await hq.RestartAsync();
            var committed = await AssertCommittedPrefixAsync(manager, till, documents, start);
            log.WriteLine($"round {round}: {committed} documents committed after restart");
        }

        var reply = await till.SyncDocumentsAsync(documents);

        Assert.All(reply.Results, r => Assert.Contains(r.Status, (SyncStatus[])[SyncStatus.Created, SyncStatus.Duplicate]));
        Assert.Equal(documents.Count + 1, reply.NextSeq);
        Assert.Equal(documents.Count, await AssertCommittedPrefixAsync(manager, till, documents, start));
    }

    // HQ holds exactly the documents before its nextSeq: each committed return once (a credit note by id, and once in its
    // sale's returns), none after; on-hand = start − 2 per committed sale + 1 per committed return.
    private static async Task<long> AssertCommittedPrefixAsync(ManagerClient manager, TillClient till, IReadOnlyList<TillDocumentDto> documents, decimal start)
    {
        var committed = (await manager.GetTillAsync(till.TillId)).NextSeq - 1;
        var page = await manager.ListCreditNotesAsync($"tillId={till.TillId}&limit=500");
        var expectedReturns = documents.Where(d => d.Kind == DocumentKinds.Return && d.TillSeq <= committed).Select(d => d.DocumentId).ToHashSet();
        Assert.Equal(expectedReturns.Order(), page.CreditNotes.Select(n => n.DocumentId).Order());
        var sales = documents.Count(d => d.Kind == DocumentKinds.Sale && d.TillSeq <= committed);
        Assert.Equal(start - (2 * sales) + expectedReturns.Count, await manager.OnHandAsync("SOAP-125G"));
        return committed;
    }
}
