// Proves the limits agree with each other (a full order fits a sync body, the largest bill fits a long) and with docs/sync.md.
// How: calls Limits.AssertRelations, then computes the largest bill the rules allow with the real code.
using TillSync.Core.Orders;
using TillSync.Core.Tax;

namespace TillSync.Core.Tests;

public sealed class LimitsTests
{
    [Fact]
    public void AssertRelations_AsShipped_DoesNotThrow()
    {
        var error = Record.Exception(Limits.AssertRelations);

        Assert.Null(error);
    }

    [Fact]
    public void Limits_SyncEnvelope_MatchesDesign()
    {
        Assert.Equal(500, Limits.SyncOrdersMax);
        Assert.Equal(4 * 1024 * 1024, Limits.SyncBodyBytesMax);
        Assert.Equal(16, Limits.BillNoLengthMax);
        Assert.Equal(3, Limits.QtyFractionDigitsMax);
    }

    [Fact]
    public void Compute_LargestOrderTheRulesAllow_DoesNotOverflow()
    {
        var line = new TillSync.Core.Orders.OrderLine("MAX", Limits.LineQtyMax, Limits.UnitPricePaiseMax, 0, Limits.GstRateBpMax);
        var lines = Enumerable.Repeat(line, Limits.OrderLinesMax).ToList();

        var intra = OrderTotals.Compute(lines, SupplyKind.IntraState);
        var inter = OrderTotals.Compute(lines, SupplyKind.InterState);

        Assert.Equal(2 * 500 * 100_000_000_000_000L, intra.TotalPaise);
        Assert.Equal(intra.TotalPaise, inter.TotalPaise);
    }
}
