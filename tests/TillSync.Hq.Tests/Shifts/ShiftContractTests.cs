// Proves the sync contract for shift and cash documents on a real HQ over HTTP, on SQLite or PostgreSQL
// (TILLSYNC_TEST_STORE), as for sales and returns: a shift commits once with its journal entries (a pickup to the safe,
// the variance to cash-short), a replay answers duplicate and changes nothing, other content is a payload conflict, a gap
// waits and a reused sequence number conflicts, and a document that can never be accepted is rejected and reviewed.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Shifts;

public sealed class ShiftContractTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    // The acceptance shift: ₹2,000 float, ₹1,500 of cash sales, a ₹300 cash refund, a ₹500 pickup; the drawer
    // should hold ₹2,700 and is counted ₹2,600.
    private static readonly ShiftExpectedDto Expected = new(200_000, 150_000, 30_000, 0, 50_000, 0, 0);
    private static readonly IReadOnlyList<DenominationCountDto> CountedShort = [new(50_000, 4), new(10_000, 6)];

    [Fact]
    public async Task Shift_OpenPickupClose_CommitsOnceWithThePickupAndTheCashShortEntry()
    {
        var (till, shifts) = await StartAsync();
        var open = shifts.Open();
        var pickup = shifts.Move(open, CashReasons.PickupToSafe, 50_000);
        var close = shifts.Close(open, Expected, CountedShort);

        var reply = await till.SyncDocumentsAsync([open, pickup, close]);

        Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        Assert.Equal([null, null, "Z1"], reply.Results.Select(r => r.Number));
        var journal = await new LedgerClient(fixture.Hq).JournalAsync();
        var pickupEntry = Assert.Single(journal, e => e.Ref == $"cash:{pickup.DocumentId:D}");
        Assert.Equal([("assets:cash:safe", 50_000L), ("assets:cash", -50_000L)], pickupEntry.Postings.Select(p => (p.Account, p.AmountPaise)));
        var shortEntry = Assert.Single(journal, e => e.Ref == $"shift_close:{close.DocumentId:D}");
        Assert.Equal([("assets:cash", -10_000L), ("expenses:cash-short", 10_000L)], shortEntry.Postings.Select(p => (p.Account, p.AmountPaise)));
        Assert.DoesNotContain(journal, e => e.Ref.Contains(open.DocumentId.ToString("D"), StringComparison.Ordinal));
        var check = await new LedgerClient(fixture.Hq).CheckAsync();
        Assert.True(check.TrialBalanceMatches && check.GstSummaryMatches && check.DaySalesMatches, $"{check}");
        var shift = Assert.Single(await fixture.Manager.ShiftsAsync(
            $"tillId={till.TillId}&date={open.ShiftOpen!.OpenedAt.ToOffset(TimeSpan.FromMinutes(330)):yyyy-MM-dd}"));
        Assert.Equal((open.DocumentId, SeededStaff.Cashier.Name, 200_000L, 0L, 50_000L), (shift.ShiftId, shift.OpenedBy, shift.FloatPaise, shift.CashInPaise, shift.CashOutPaise));
        Assert.Equal((1L, SeededStaff.Cashier.Name, 270_000L, 260_000L, -10_000L),
            (shift.ZNumber, shift.ClosedBy, shift.Expected!.CashPaise, shift.CountedCashPaise, shift.CashVariancePaise));
    }

    [Fact]
    public async Task Shifts_BadDate_Is400()
    {
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);

        using var response = await client.GetAsync(new Uri("/api/v1/shifts?date=05-12-2026", UriKind.Relative));

        var detail = await Responses.ExpectProblemAsync(response, System.Net.HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Contains("yyyy-MM-dd", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shift_Replayed_IsDuplicateWithTheRecordedResult_AndChangesNothing()
    {
        var (till, shifts) = await StartAsync();
        var open = shifts.Open();
        var pickup = shifts.Move(open, CashReasons.PickupToSafe, 20_000);
        var close = shifts.Close(open, Expected with { CashOutPaise = 20_000 }, CountedShort);
        var first = await till.SyncDocumentsAsync([open, pickup, close]);
        var journal = await new LedgerClient(fixture.Hq).JournalAsync();

        var replay = await till.SyncDocumentsAsync([open, pickup, close]);

        Assert.All(replay.Results, r => Assert.Equal((SyncStatus.Duplicate, true), (r.Status, r.Replayed)));
        Assert.Equal(first.Results.Select(r => (r.Number, r.CommittedAt)), replay.Results.Select(r => (r.Number, r.CommittedAt)));
        Assert.Equal(first.NextSeq, replay.NextSeq);
        Assert.Equal(journal.Count, (await new LedgerClient(fixture.Hq).JournalAsync()).Count);
    }

    [Fact]
    public async Task Shift_SameIdOtherContent_IsAPayloadConflictForEachKind()
    {
        var (till, shifts) = await StartAsync();
        var open = shifts.Open();
        var pickup = shifts.Move(open, CashReasons.PickupToSafe, 20_000);
        var close = shifts.Close(open, Expected, CountedShort);
        await till.SyncDocumentsAsync([open, pickup, close]);

        var reply = await till.SyncDocumentsAsync([
            open with { ShiftOpen = open.ShiftOpen! with { FloatCounted = [new(50_000, 4)] } },
            pickup with { CashMovement = pickup.CashMovement! with { AmountPaise = 20_100 } },
            close with { ShiftClose = close.ShiftClose! with { CashCounted = [new(50_000, 5)] } },
        ]);

        Assert.All(reply.Results, r => Assert.Equal((SyncStatus.Conflict, SyncReasons.PayloadMismatch), (r.Status, r.Reason)));
    }

    [Fact]
    public async Task Shift_AfterAGap_WaitsAndAReusedSeqConflicts()
    {
        var (till, shifts) = await StartAsync();
        var open = shifts.Open();
        var skipped = shifts.Move(open, CashReasons.PettyCash, 5_000);
        var close = shifts.Close(open, Expected, CountedShort);

        var gap = await till.SyncDocumentsAsync([open, close]);
        var filled = await till.SyncDocumentsAsync([skipped, close]);
        var reused = await till.SyncDocumentsAsync([shifts.Move(open, CashReasons.FromSafe, 1_000) with { TillSeq = skipped.TillSeq }]);

        Assert.Equal((SyncStatus.Created, SyncStatus.NotProcessed, SyncReasons.SeqGap), (gap.Results[0].Status, gap.Results[1].Status, gap.Results[1].Reason));
        Assert.Equal(skipped.TillSeq, gap.Results[1].ExpectedSeq);
        Assert.All(filled.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        Assert.Equal((SyncStatus.Conflict, SyncReasons.SeqReused), (reused.Results[0].Status, reused.Results[0].Reason));
    }

    [Theory]
    [InlineData("unknown_denomination")]
    [InlineData("reason_against_direction")]
    [InlineData("amount_zero")]
    [InlineData("z_number_reused")]
    public async Task Shift_NeverAcceptable_IsRejectedWithAReviewItem_AndTheQueueMovesOn(string defect)
    {
        var (till, shifts) = await StartAsync();
        var open = shifts.Open();
        var firstClose = shifts.Close(open, Expected, CountedShort);
        await till.SyncDocumentsAsync([open, firstClose]);
        var bad = defect switch
        {
            "unknown_denomination" => shifts.Open([new(30_000, 1)]),
            "reason_against_direction" => shifts.Move(open, CashReasons.PickupToSafe, 100) is var m
                ? m with { CashMovement = m.CashMovement! with { Direction = CashDirections.In } } : null!,
            "amount_zero" => shifts.Move(open, CashReasons.PettyCash, 0),
            "z_number_reused" => shifts.Close(open, Expected, CountedShort) is var c
                ? c with { ShiftClose = c.ShiftClose! with { ZNumber = 1 } } : null!,
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };
        var after = shifts.Open();

        var reply = await till.SyncDocumentsAsync([bad, after]);

        Assert.Equal((SyncStatus.Rejected, SyncReasons.InvalidShift), (reply.Results[0].Status, reply.Results[0].Reason));
        Assert.Equal(SyncStatus.Created, reply.Results[1].Status);
        var reviews = await fixture.Manager.ListReviewsAsync($"tillId={till.TillId}");
        Assert.Contains(reviews.Items, r => r.ClientOrderId == bad.DocumentId && r.Reason == SyncReasons.InvalidShift);
    }

    private async Task<(TillClient Till, ShiftFactory Shifts)> StartAsync()
    {
        var cashier = (await fixture.Manager.ListStaffAsync()).Single(s => s.Name == SeededStaff.Cashier.Name);
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        return (till, new ShiftFactory(till.Orders, cashier.StaffId));
    }
}
