// Proves the markdown rule the till and HQ share (issue 21): a line billed at a price its till knew is no override, a
// markdown at a role's limit is within it and a paisa more is beyond, and a loyalty burn taken as a discount is allowed
// besides. How: worked lines at both footings, and a property that a line is beyond exactly when it exceeds its allowance.
using CsCheck;
using TillSync.Core.Orders;
using TillSync.Core.Pricing;

namespace TillSync.Core.Tests.Pricing;

public sealed class PriceJudgementTests
{
    private static readonly RoleLimit Cashier = new(1_000, false);
    private static readonly RoleLimit Supervisor = new(5_000, true);

    [Fact]
    public void Line_AtAKnownPrice_IsNoOverride_AndListsAtThatPrice()
    {
        var line = new OrderLine("DAL", 2, 12_000, 2_400, 500, TaxInclusive: true);

        var markdown = LineMarkdown.Of(line, 1, [new KnownPrice(12_000, true), new KnownPrice(13_000, true)]);

        Assert.Equal(new LineMarkdown(1, "DAL", false, 24_000, 2_400), markdown);
        Assert.Equal(1_000, markdown!.MarkdownBp);
        Assert.Empty(PriceJudgement.Beyond([markdown], Cashier));
    }

    [Fact]
    public void Line_AtAnUnknownPrice_IsAnOverride_ListedAtTheLowestKnownPrice()
    {
        var line = new OrderLine("DAL", 2, 10_000, 0, 500, TaxInclusive: true);

        var markdown = LineMarkdown.Of(line, 3, [new KnownPrice(13_000, true), new KnownPrice(12_000, true)])!;

        Assert.Equal(new LineMarkdown(3, "DAL", true, 24_000, 4_000), markdown);
        Assert.Equal(1_667, markdown.MarkdownBp);
        Assert.Equal([markdown], PriceJudgement.Beyond([markdown], Cashier));
        Assert.Empty(PriceJudgement.Beyond([markdown], Supervisor));
    }

    [Fact]
    public void Line_WithoutAKnownPriceOnItsFooting_IsNotJudged()
    {
        var line = new OrderLine("DAL", 1, 10_000, 0, 500, TaxInclusive: true);

        Assert.Null(LineMarkdown.Of(line, 1, [new KnownPrice(10_000, false)]));
        Assert.Null(LineMarkdown.Of(line, 1, []));
    }

    [Fact]
    public void Markdown_AtTheLimit_IsWithin_AndAPaisaMoreIsBeyond_UnlessABurnCoversIt()
    {
        // ₹650.00 ghee: a cashier may take ₹65.00 off.
        var atLimit = LineMarkdown.Of(new OrderLine("GHEE", 1, 65_000, 6_500, 1_200), 1, [new KnownPrice(65_000, false)])!;
        var paisaMore = LineMarkdown.Of(new OrderLine("GHEE", 1, 65_000, 6_501, 1_200), 1, [new KnownPrice(65_000, false)])!;

        Assert.Empty(PriceJudgement.Beyond([atLimit], Cashier));
        Assert.Equal([paisaMore], PriceJudgement.Beyond([atLimit, paisaMore], Cashier));
        Assert.Empty(PriceJudgement.Beyond([atLimit, paisaMore], Cashier, allowancePaise: 1));
    }

    [Fact]
    public void Beyond_HoldsExactlyWhenALinesMarkdownExceedsItsAllowance()
    {
        Gen.Select(Gen.Long[1, 1_000_000], Gen.Int[1, 5], Gen.Int[0, 10_000], Gen.Int[0, 10_000]).Sample((price, qty, discountBp, limitBp) =>
        {
            var listPaise = price * qty;
            var discountPaise = listPaise * discountBp / 10_000;
            var line = LineMarkdown.Of(new OrderLine("X", qty, price, discountPaise, 500), 1, [new KnownPrice(price, false)])!;
            var limit = new RoleLimit(limitBp, false);

            var beyond = PriceJudgement.Beyond([line], limit).Count == 1;

            return beyond == (discountPaise * 10_000 > (decimal)listPaise * limitBp) && !line.Overridden;
        });
    }
}
