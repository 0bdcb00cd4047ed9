using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Staff;
using TillSync.Contracts.Sync;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Shop;
using TillSync.Till.Receipts;
using TillSync.Till.Returns;
using TillSync.Till.Sales;
using TillSync.Till.Shifts;
using TillSync.Till.Staff;
using TillSync.Till.Web;

namespace TillSync.Simulation.Runs;

/// <summary>The cashiers at the counters, through the till's own login and shift code (the classes behind
/// <c>POST /api/session</c> and <c>/api/shift/*</c>): before a customer someone logs in by PIN (again after the idle lock or
/// a restart; now and then after a mistyped PIN) and opens a shift with a counted float; between customers they carry cash
/// to the safe when the drawer fills, pay petty cash or bring change from the safe; after some customers they close with a
/// blind count that is sometimes short or over. Now and then a dialog's answer is lost and the page resends the same
/// request, and now and then the till dies before the page read a Z report, which the page asks for again after the
/// restart: each must answer what the first did and record nothing more. The cashiers keep their own
/// <see cref="ShiftTally"/> of every shift, for the drawer invariants.</summary>
public sealed class ShiftDesk(
    SimulationOptions options, FakeTimeProvider clock, Random random, Trace trace, IReadOnlyList<(StaffView Staff, string Pin)> staff)
{
    private const int DocumentsPerShiftMin = 5;
    private const int DocumentsPerShiftMax = 30;
    private const double WrongPinShare = 0.03;
    private const double SwitchShare = 0.04;
    private const double ResentShare = 0.15;
    private const double ZLostInCrashShare = 0.2;
    private const double PettyCashShare = 0.04;
    private const double FromSafeShare = 0.03;
    private const long PickupAbovePaise = 600_000;
    private const string WrongPin = "0000";

    private readonly Dictionary<int, Counter> _counters = [];
    private readonly List<ShiftTally> _tallies = [];
    private readonly Dictionary<string, int> _counts = [];

    /// <summary>Every shift the cashiers opened, in the order they opened them.</summary>
    public IReadOnlyList<ShiftTally> Tallies => _tallies;

    /// <summary>What the cashiers did, by name, in report order.</summary>
    public IEnumerable<(string What, int Count)> Counts => _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value));

    /// <summary>Gets <paramref name="till"/> (up, with a catalogue) ready for a customer: a cashier logged in, a Z report
    /// lost in a crash asked for again, and a shift open.</summary>
    public async Task ReadyAsync(TillNode till)
    {
        var counter = await PrepareAsync(till);
        if (counter.Shift is null)
        {
            await OpenAsync(till, counter);
        }
    }

    // A cashier logged in, a Z report lost in a crash asked for again, and the till's open shift the cashiers' own.
    private async Task<Counter> PrepareAsync(TillNode till)
    {
        var counter = CounterOf(till);
        if (till.Cashier is null)
        {
            await LogInAsync(till, counter, counter.StaffIndex);
        }

        if (counter.Unanswered is { } lost)
        {
            counter.Unanswered = null;
            var (again, problem) = await till.CloseShiftAsync(lost.Request, CancellationToken.None);
            Expect(again is not null && Json(again) == lost.AnswerJson, $"till {till.Number} answered the resent close {lost.Request.RequestId} with {problem?.Detail ?? "another Z report"}");
            Count("shift: Z report lost in a till crash, asked for again");
        }

        Expect(till.OpenShift?.ShiftId == counter.Shift?.ShiftId,
            $"till {till.Number} has shift {till.OpenShift?.ShiftId} open, the cashiers {counter.Shift?.ShiftId}");
        return counter;
    }

    /// <summary>Counts a sale's tenders into the drawer's tally.</summary>
    public void Sold(TillNode till, SaleRequest sale, Receipt receipt)
    {
        var tally = CounterOf(till).Shift!;
        tally.CashSalesPaise += sale.Payments.Where(p => p.Method == PaymentMethods.Cash).Sum(p => p.AmountPaise) - receipt.ChangePaise;
        tally.CardPaise += sale.Payments.Where(p => p.Method == PaymentMethods.Card).Sum(p => p.AmountPaise);
        tally.UpiPaise += sale.Payments.Where(p => p.Method == PaymentMethods.Upi).Sum(p => p.AmountPaise);
    }

    /// <summary>Counts a return's refunds out of the drawer's tally.</summary>
    public void Refunded(TillNode till, CreditNote creditNote)
    {
        var tally = CounterOf(till).Shift!;
        tally.CashRefundsPaise += creditNote.Refund.Refunds.Where(r => r.Method == RefundMethods.Cash).Sum(r => r.AmountPaise);
        tally.CardPaise -= creditNote.Refund.Refunds.Where(r => r.Method == RefundMethods.Card).Sum(r => r.AmountPaise);
        tally.UpiPaise -= creditNote.Refund.Refunds.Where(r => r.Method == RefundMethods.Upi).Sum(r => r.AmountPaise);
    }

    /// <summary>Between customers at <paramref name="till"/>: maybe a switch of cashier, a cash movement, or the close.
    /// True when the till should die now, before the page read the Z report it just closed with.</summary>
    public async Task<bool> AfterDocumentAsync(TillNode till)
    {
        var counter = CounterOf(till);
        if (random.NextDouble() < SwitchShare)
        {
            counter.StaffIndex = random.Next(staff.Count);
            await LogInAsync(till, counter, counter.StaffIndex);
            Count("cashier switched mid-shift");
        }

        await MoveCashAsync(till, counter);
        if (--counter.DocumentsLeft > 0)
        {
            return false;
        }

        var lostInCrash = random.NextDouble() < ZLostInCrashShare;
        await CloseAsync(till, counter, lostInCrash);
        return lostInCrash;
    }

    /// <summary>The day ends: the shift still open on <paramref name="till"/> (up, with a catalogue), if any, closes.</summary>
    public async Task EndDayAsync(TillNode till)
    {
        var counter = CounterOf(till);
        if (counter.Shift is null && counter.Unanswered is null)
        {
            return;
        }

        await PrepareAsync(till);
        if (counter.Shift is not null)
        {
            await CloseAsync(till, counter, lostInCrash: false);
        }
    }

    private Counter CounterOf(TillNode till)
    {
        if (!_counters.TryGetValue(till.Number, out var counter))
        {
            counter = _counters[till.Number] = new Counter { StaffIndex = random.Next(staff.Count) };
        }

        return counter;
    }

    private async Task LogInAsync(TillNode till, Counter counter, int staffIndex)
    {
        var (member, pin) = staff[staffIndex];
        if (random.NextDouble() < WrongPinShare)
        {
            var wrong = await till.LogInAsync(member.StaffId, WrongPin, CancellationToken.None);
            Expect(wrong.Outcome == LoginOutcome.WrongPin, $"till {till.Number} answered a wrong PIN with {wrong.Outcome}");
            Count("login: a wrong PIN first");
        }

        var login = await till.LogInAsync(member.StaffId, pin, CancellationToken.None);
        Expect(login.Outcome == LoginOutcome.LoggedIn && login.Cashier?.StaffId == member.StaffId,
            $"till {till.Number} refused {member.Name}'s PIN: {login.Outcome}");
        counter.StaffIndex = staffIndex;
        Count("login");
        trace.Add(clock.GetUtcNow(), string.Create(CultureInfo.InvariantCulture, $"till {till.Number} login staff {member.StaffId}"));
    }

    private async Task OpenAsync(TillNode till, Counter counter)
    {
        var floatCounted = InNotesAndCoins(random.Next(10, 31) * 10_000L + random.Next(0, 21) * 1_000L);
        var request = new OpenShiftRequest(NextId(), floatCounted);
        var (opened, problem) = await till.OpenShiftAsync(request, CancellationToken.None);
        Expect(opened?.Shift is not null, $"till {till.Number} refused to open a shift: {problem?.Detail}");
        if (random.NextDouble() < ResentShare)
        {
            var (again, _) = await till.OpenShiftAsync(request, CancellationToken.None);
            Expect(again?.Shift?.ShiftId == opened!.Shift!.ShiftId, $"till {till.Number} answered a resent open with another shift");
            Count("shift request resent (answer lost)");
        }

        var shift = opened!.Shift!;
        counter.Shift = new ShiftTally(till.Number, shift.ShiftId, Denominations.TotalPaise(floatCounted));
        counter.DocumentsLeft = random.Next(DocumentsPerShiftMin, DocumentsPerShiftMax + 1);
        _tallies.Add(counter.Shift);
        Count("shift: opened");
        trace.Add(clock.GetUtcNow(), string.Create(CultureInfo.InvariantCulture,
            $"till {till.Number} shift open seq {shift.OpenSeq} {shift.ShiftId} float {counter.Shift.FloatPaise}p"));
    }

    private async Task MoveCashAsync(TillNode till, Counter counter)
    {
        var tally = counter.Shift!;
        var pick = random.NextDouble();
        var (reason, amountPaise) = tally.CashPaise > PickupAbovePaise && pick < 0.5
            ? (CashReasons.PickupToSafe, (tally.CashPaise - tally.FloatPaise) / 10_000 * 10_000)
            : pick < PettyCashShare ? (CashReasons.PettyCash, Math.Min(random.Next(2, 31) * 1_000L, tally.CashPaise / 1_000 * 1_000))
            : pick < PettyCashShare + FromSafeShare ? (CashReasons.FromSafe, random.Next(5, 21) * 10_000L)
            : (null, 0);
        if (reason is null || amountPaise <= 0)
        {
            return;
        }

        var request = new CashMovementRequest(NextId(), reason, amountPaise, random.NextDouble() < 0.5 ? null : "Simulated cashier's note.");
        var (moved, problem) = await till.MoveCashAsync(request, CancellationToken.None);
        Expect(moved is not null, $"till {till.Number} refused a cash movement: {problem?.Detail}");
        if (random.NextDouble() < ResentShare)
        {
            var (again, _) = await till.MoveCashAsync(request, CancellationToken.None);
            Expect(again?.DocumentId == moved!.DocumentId && again.TillSeq == moved.TillSeq, $"till {till.Number} answered a resent cash movement with another");
            Count("shift request resent (answer lost)");
        }

        if (moved!.Movement.Direction == CashDirections.In)
        {
            tally.CashInPaise += amountPaise;
        }
        else
        {
            tally.CashOutPaise += amountPaise;
        }

        Count($"cash: {reason}");
        trace.Add(clock.GetUtcNow(), string.Create(CultureInfo.InvariantCulture,
            $"till {till.Number} cash seq {moved.TillSeq} {moved.DocumentId} {reason} {amountPaise}p"));
    }

    private async Task CloseAsync(TillNode till, Counter counter, bool lostInCrash)
    {
        var tally = counter.Shift!;
        // A count comes to whole rupees (the tally may hold paise from split tenders and partial refunds); now and then a
        // note went astray or change was not given, and the count is short or over by more.
        var rupeesPaise = Math.Max(0, tally.CashPaise) / 100 * 100;
        var slip = random.NextDouble();
        var (countedPaise, counted) = slip < 0.15 ? (Math.Max(0, rupeesPaise - (random.Next(1, 51) * 1_000L)), "shift: closed short (a note astray)")
            : slip < 0.3 ? (rupeesPaise + (random.Next(1, 21) * 1_000L), "shift: closed over (change not given)")
            : (rupeesPaise, "shift: closed counting the tally, to the rupee");
        var request = new CloseShiftRequest(NextId(), InNotesAndCoins(countedPaise), Math.Max(0, tally.CardPaise), Math.Max(0, tally.UpiPaise));
        var (z, problem) = await till.CloseShiftAsync(request, CancellationToken.None);
        Expect(z?.Close is not null, $"till {till.Number} refused to close its shift: {problem?.Detail}");
        if (!lostInCrash && random.NextDouble() < ResentShare)
        {
            var (again, _) = await till.CloseShiftAsync(request, CancellationToken.None);
            Expect(again is not null && Json(again) == Json(z!), $"till {till.Number} answered a resent close with another Z report");
            Count("shift request resent (answer lost)");
        }

        (tally.CountedPaise, tally.CloseId) = (countedPaise, z!.Close!.DocumentId);
        counter.Shift = null;
        counter.Unanswered = lostInCrash ? (request, Json(z)) : null;
        Count(counted);
        trace.Add(clock.GetUtcNow(), string.Create(CultureInfo.InvariantCulture,
            $"till {till.Number} shift close Z{z.Close.ZNumber} {z.Close.DocumentId} counted {countedPaise}p, tallied {tally.CashPaise}p"));
    }

    // A count of whole rupees in the fewest notes and coins.
    private static List<DenominationCountDto> InNotesAndCoins(long paise)
    {
        var counts = new List<DenominationCountDto>();
        foreach (var denomination in Denominations.AllPaise)
        {
            if (paise >= denomination)
            {
                counts.Add(new DenominationCountDto(denomination, checked((int)(paise / denomination))));
                paise %= denomination;
            }
        }

        return counts;
    }

    private Guid NextId()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Json(ShiftReport report) => JsonSerializer.Serialize(report, TillJsonContext.Default.ShiftReport);

    private void Expect(bool holds, string what)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"Seed {options.Seed}: {what}.");
        }
    }

    private void Count(string what) => _counts[what] = _counts.GetValueOrDefault(what) + 1;

    // One till's counter: who works it, the shift open in its drawer and when they will close it, and a Z report whose
    // answer a crash took.
    private sealed class Counter
    {
        public int StaffIndex { get; set; }

        public ShiftTally? Shift { get; set; }

        public int DocumentsLeft { get; set; }

        public (CloseShiftRequest Request, string AnswerJson)? Unanswered { get; set; }
    }
}
