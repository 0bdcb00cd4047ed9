// Proves durability and atomicity of shift and cash documents across kill -9, on SQLite or PostgreSQL
// (TILLSYNC_TEST_STORE): HQ is SIGKILLed in the middle of one batch of 166 shifts (open, a ₹500 pickup to the safe, a
// close counted ₹100 short), restarted on the same database, and must hold a gap-free prefix of documents with each
// committed pickup and cash-short entry in the journal once and none after it; resending completes every document once.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using Xunit.Abstractions;

namespace TillSync.Hq.Tests.Shifts;

public sealed class ShiftCrashRecoveryTests(ITestOutputHelper log)
{
    private const int Shifts = 166; // 498 documents: a batch holds at most 500

    // A ₹2,000 float less a ₹500 pickup: the drawer should hold ₹1,500, and is counted ₹1,400.
    private static readonly ShiftExpectedDto Expected = new(200_000, 0, 0, 0, 50_000, 0, 0);
    private static readonly IReadOnlyList<DenominationCountDto> CountedShort = [new(50_000, 2), new(10_000, 4)];

    [Fact]
    public async Task Sync_KilledMidBatchOfShiftsAndResent_PostsEveryPickupAndShortfallExactlyOnce()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var manager = new ManagerClient(hq);
        var cashier = (await manager.ListStaffAsync()).Single(s => s.Name == SeededStaff.Cashier.Name);
        var till = await HqScenario.EnrolTillAsync(hq, version: SyncVersion.V2);
        var shifts = new ShiftFactory(till.Orders, cashier.StaffId);
        var documents = new List<TillDocumentDto>();
        for (var i = 0; i < Shifts; i++)
        {
            var open = shifts.Open();
            documents.AddRange([open, shifts.Move(open, CashReasons.PickupToSafe, 50_000), shifts.Close(open, Expected, CountedShort)]);
        }

        var random = new Random(till.Orders.Seed);
        log.WriteLine($"seed {till.Orders.Seed}");
        for (var round = 1; round <= 3; round++)
        {
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 601));
            log.WriteLine($"round {round}: {await KilledSync.PostDocumentsThenKillAsync(hq, till, documents, delay)}");
            await hq.RestartAsync();
            log.WriteLine($"round {round}: {await AssertCommittedPrefixAsync(hq, manager, till, documents)} documents committed after restart");
        }

        var reply = await till.SyncDocumentsAsync(documents);

        Assert.All(reply.Results, r => Assert.Contains(r.Status, (SyncStatus[])[SyncStatus.Created, SyncStatus.Duplicate]));
        Assert.Equal(documents.Count + 1, reply.NextSeq);
        Assert.Equal(documents.Count, await AssertCommittedPrefixAsync(hq, manager, till, documents));
    }

    // HQ holds exactly the documents before its nextSeq: a balanced journal entry for each committed pickup and each
    // committed close's shortfall, once, and none for a document after it (the scenario's own stock receipt aside).
    private static async Task<long> AssertCommittedPrefixAsync(HqProcess hq, ManagerClient manager, TillClient till, IReadOnlyList<TillDocumentDto> documents)
    {
        var committed = (await manager.GetTillAsync(till.TillId)).NextSeq - 1;
        var journal = await new LedgerClient(hq).JournalAsync();
        var expected = documents.Where(d => d.TillSeq <= committed)
            .SelectMany(d => d.Kind switch
            {
                DocumentKinds.CashMovement => [$"cash:{d.DocumentId:D}"],
                DocumentKinds.ShiftClose => [$"shift_close:{d.DocumentId:D}"],
                _ => (string[])[],
            });
        var shiftEntries = journal.Where(e => e.Ref.StartsWith("cash:", StringComparison.Ordinal) || e.Ref.StartsWith("shift_close:", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), shiftEntries.Select(e => e.Ref).Order(StringComparer.Ordinal));
        Assert.All(shiftEntries, e => Assert.Equal(0L, e.Postings.Sum(p => p.AmountPaise)));
        return committed;
    }
}
