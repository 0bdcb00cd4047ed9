// Proves the simulated shop floor reaches every path that moves money after a sale, not just that the invariants hold: one
// busy seeded run must take partial, cross-till, exchange, store credit and over-returns, spend vouchers and burn points,
// run shifts (logins, every kind of cash movement, closes short and over, resent requests and a Z report lost in a crash),
// bill sales at a price HQ has since changed, and register B2B bills and credit notes with the portal through its faults
// (answers lost, requests delivered twice, HQ dying mid-call, the portal down) with cancellations inside and after 24 hours,
// stray retries a second manager makes, and e-way bills for wholesale lots: raised, cancelled, raised afresh, refused late.
using TillSync.Simulation.Runs;
using Xunit.Abstractions;

namespace TillSync.Simulation.Tests;

public sealed class ShopFloorMixTests(ITestOutputHelper log)
{
    [Fact]
    public async Task BusyRun_TakesEveryKindOfReturn_AndEveryInvariantHolds()
    {
        var options = new SimulationOptions(7, Tills: 4, Orders: 400, FaultRate: 0.3) { DataRoot = SeedSet.DataRoot };

        var report = await Simulator.RunAsync(options, null, CancellationToken.None);

        log.WriteLine(report.Render());
        Assert.True(report.AllHold, report.FailureText());
        var floor = report.Floor.ToDictionary(f => f.What, f => f.Count);
        Assert.True(floor.GetValueOrDefault("return") > 20, "too few returns");
        Assert.True(floor.GetValueOrDefault("return: over-return (refunded elsewhere already)") > 0, "no over-return");
        Assert.True(floor.GetValueOrDefault("return found by receipt_code at another till") > 0, "no return by receipt code at another till");
        Assert.True(floor.GetValueOrDefault("return found by local") > 0, "no return at the selling till");
        Assert.Contains(floor, f => f.Key.StartsWith("return refunded by", StringComparison.Ordinal) && f.Key.Contains("exchange", StringComparison.Ordinal));
        Assert.Contains(floor, f => f.Key.StartsWith("return refunded by", StringComparison.Ordinal) && f.Key.Contains("store_credit", StringComparison.Ordinal));
        string[] shiftPaths =
        [
            "shift: opened", "shift: closed short (a note astray)", "shift: closed over (change not given)", "cash: pickup_to_safe", "cash: petty_cash",
            "cash: from_safe", "cashier switched mid-shift", "login: a wrong PIN first", "shift request resent (answer lost)",
            "shift: Z report lost in a till crash, asked for again", "catalogue: sale billed at a price HQ had since changed",
        ];
        Assert.All(shiftPaths, path => Assert.True(floor.GetValueOrDefault(path) > 0, $"never: {path}"));
        string[] promotionPaths =
        [
            "promotion: scheduled_price created at HQ", "promotion: buy_get created at HQ", "promotion: bill_value created at HQ",
            "promotion: ended early at HQ", "return: part of a promoted sale",
        ];
        Assert.All(promotionPaths, path => Assert.True(floor.GetValueOrDefault(path) > 0, $"never: {path}"));
        var promotions = Assert.Single(report.Verdicts, v => v.Invariant == "promotions_judged_by_the_till");
        Assert.DoesNotContain(" 0 sold and", promotions.Message, StringComparison.Ordinal);
        var einvoicing = report.EInvoicing.ToDictionary(e => e.What, e => e.Count);
        string[] einvoicePaths =
        [
            "INV: registered at HQ", "CRN: registered at HQ", "INV: cancelled at HQ", "e-invoice: cancelled by the manager within 24 hours",
            "e-invoice: cancel refused by the portal after 24 hours (2270)", "e-invoice: cancellation sent again (outcome unknown)",
            "e-invoice: CRN parked for missing buyer details, retried with them", "registration requests the network delivered twice",
            "e-invoice retry: B2C bill refused (404, no e-invoice)", "e-invoice retry: registered bill refused (409), unchanged",
            "wholesale: B2B lot above ₹50,000 sold at a till", "e-way bill: raised for an invoice above ₹50,000", "e-way bill: cancelled within 24 hours",
            "e-way bill: raised afresh after a cancel", "e-way bill: cancel refused by the portal after 24 hours", "e-way bill: sent again (outcome unknown)",
            "e-way bill: answer lost, same Idempotency-Key resent, same answer",
        ];
        Assert.All(einvoicePaths, path => Assert.True(einvoicing.GetValueOrDefault(path) > 0, $"never: {path}"));
        var faults = report.Faults.ToDictionary(f => f.Fault, f => f.Count);
        string[] portalFaults =
        [
            "portal call: Refused", "portal call: ResetBefore", "portal call: AnswerLost", "portal call: Duplicate", "portal call: HqCrash",
            "HQ crash while the portal registered a bill", "portal down for a while",
        ];
        Assert.All(portalFaults, fault => Assert.True(faults.GetValueOrDefault(fault) > 0, $"never: {fault}"));
    }
}
