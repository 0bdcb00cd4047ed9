// Proves a bill discount is spread over the lines exactly (issue 21): the shares add up to the discount, none is above
// its line, each is its proportional share or a paisa more. How: a worked bill and a property over random bills.
using CsCheck;
using TillSync.Core.Pricing;

namespace TillSync.Core.Tests.Pricing;

public sealed class BillDiscountTests
{
    [Fact]
    public void Spread_FiftyRupeesOverRiceAndSoap_GivesTheSparePaisaToTheFirstLine()
    {
        // ₹650.00 of rice and ₹135.00 of soap: ₹41.40… and ₹8.59…, rounded down, the paisa left to the rice.
        Assert.Equal([4_141L, 859L], BillDiscount.Spread(5_000, [65_000, 13_500]));
        Assert.Equal([0L, 0L], BillDiscount.Spread(0, [65_000, 13_500]));
        Assert.Equal([65_000L, 13_500L], BillDiscount.Spread(78_500, [65_000, 13_500]));
    }

    [Fact]
    public void Spread_AddsUpToTheDiscount_NoShareAboveItsLine()
    {
        Gen.Long[0, 1_000_000].Array[1, 20].SelectMany(net => Gen.Long[0, net.Sum()].Select(bill => (net, bill))).Sample(t =>
        {
            var (net, bill) = t;
            var total = net.Sum();

            var shares = BillDiscount.Spread(bill, net);

            return shares.Sum() == bill
                && shares.Zip(net).All(p => p.First >= 0 && p.First <= p.Second)
                && shares.Zip(net).All(p => total == 0 || p.First - (long)decimal.Floor(bill * (decimal)p.Second / total) is 0 or 1);
        });
    }
}
