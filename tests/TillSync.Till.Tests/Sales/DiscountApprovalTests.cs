// Proves discounts, bill discounts and price overrides at the till (issue 21): beyond the cashier's role limits the till
// asks a supervisor's PIN, checked offline against the snapshot, and HQ later records who approved and opens no item;
// a refused or unapproved sale records nothing; a price HQ changed while the till was offline commits quietly.
// TillScenario: a real HQ process behind a fault proxy, the real till in process over its local HTTP API.
using System.Net;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Sales;

public sealed class DiscountApprovalTests
{
    private static readonly CartLine[] ThirtyPercentOffGhee = [new("GHEE-1L", 1, DiscountPaise: 19_500)];

    [Fact]
    public async Task Offline_SupervisorApprovesThirtyPercent_HqRecordsWhoApproved_AndOpensNoItem()
    {
        await using var shop = await TillScenario.StartAsync();
        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();
        await till.Api.LogInSeededCashierAsync();
        var supervisor = (await till.Api.StaffAsync()).Single(s => s.Name == SeededStaff.Supervisor.Name);
        shop.Link.SetMode(LinkMode.Refuse);

        var quote = await till.Api.QuoteAsync(new QuoteRequest(ThirtyPercentOffGhee));
        var unapproved = await till.Api.SellExpectingProblemAsync(new SaleRequest(ThirtyPercentOffGhee, [new Tender(PaymentMethods.Cash, 51_000)]));
        using var wrongPin = await till.Api.PostSaleAsync(new SaleRequest(ThirtyPercentOffGhee, [new Tender(PaymentMethods.Cash, 51_000)],
            Approval: new SaleApproval(supervisor.StaffId, "111111", "dented tin")));
        var receipt = await till.Api.SellAsync(new SaleRequest(ThirtyPercentOffGhee, [new Tender(PaymentMethods.Cash, 51_000)],
            Approval: new SaleApproval(supervisor.StaffId, SeededStaff.Supervisor.Pin!, "dented tin")));

        const string needed = "This sale needs a supervisor's or manager's PIN: line 1 (GHEE-1L) 30 % off: a cashier may give 10 % off and may not override a price";
        Assert.Equal(needed + ".", quote.ApprovalNeeded);
        Assert.Equal(needed + ". Nothing was recorded.", unapproved);
        Assert.Equal("Wrong PIN. 4 tries left before this staff member is locked on this till.",
            await Responses.ExpectProblemAsync(wrongPin, HttpStatusCode.Forbidden, till));
        var line = Assert.Single(receipt.Lines);
        // ₹650.00 less ₹195.00 = ₹455.00 taxable, 6 % + 6 % GST ₹27.30 each: ₹509.60, billed ₹510.
        Assert.Equal((65_000L, 19_500L, 45_500L, 2_730L, 2_730L), (line.UnitPricePaise, line.DiscountPaise, line.TaxablePaise, line.CgstPaise, line.SgstPaise));
        Assert.Equal(51_000, receipt.Totals.TotalPaise);
        Assert.Single(await till.Api.SalesAsync());

        shop.Link.SetMode(LinkMode.Pass);
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync();
        var order = Assert.Single(await shop.HqOrdersAsync());
        Assert.Equal((receipt.ClientOrderId, SeededStaff.Supervisor.Name, "dented tin", 0),
            (order.ClientOrderId, order.ApprovedBy, order.Order.Approval!.Reason, order.Flags.Count));
        Assert.Empty((await shop.Manager.ListReviewsAsync($"kind={ReviewKinds.PriceDeviation}")).Items);
    }

    [Fact]
    public async Task BillDiscount_IsSpreadOverTheLines_AndAnOverrideNeedsASupervisor()
    {
        await using var shop = await TillScenario.StartAsync();
        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();
        await till.Api.LogInSeededCashierAsync();
        var supervisor = (await till.Api.StaffAsync()).Single(s => s.Name == SeededStaff.Supervisor.Name);
        CartLine[] cart = [new("RICE-5KG", 2), new("SOAP-125G", 3)];
        CartLine[] overridden = [new("SOAP-125G", 3, UnitPricePaise: 4_000)];

        // ₹50 off a bill of ₹650 of rice and ₹135 of soap: ₹41.41 and ₹8.59, the spare paisa to the first line.
        var discounted = await till.Api.SellAsync(new SaleRequest(cart, [new Tender(PaymentMethods.Cash, 78_800)], BillDiscountPaise: 5_000));
        var overrideQuote = await till.Api.QuoteAsync(new QuoteRequest(overridden));
        var refused = await till.Api.SellExpectingProblemAsync(new SaleRequest(overridden, [new Tender(PaymentMethods.Cash, 14_200)]));
        var approved = await till.Api.SellAsync(new SaleRequest(overridden, [new Tender(PaymentMethods.Cash, 14_200)],
            Approval: new SaleApproval(supervisor.StaffId, SeededStaff.Supervisor.Pin!, "price match")));

        Assert.Equal([4_141L, 859L], discounted.Lines.Select(l => l.DiscountPaise));
        Assert.Equal(78_800, discounted.Totals.TotalPaise);
        Assert.Equal("This sale needs a supervisor's or manager's PIN: line 1 (SOAP-125G) 11.12 % off, price overridden: a cashier may give 10 % off "
            + "and may not override a price.", overrideQuote.ApprovalNeeded);
        Assert.StartsWith("This sale needs a supervisor's or manager's PIN", refused, StringComparison.Ordinal);
        Assert.Equal((4_000L, 0L, 14_160L), (approved.Lines[0].UnitPricePaise, approved.Lines[0].DiscountPaise, approved.Lines[0].TotalPaise));
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync();
        var orders = await shop.HqOrdersAsync();
        Assert.Equal([(null, 0), (SeededStaff.Supervisor.Name, 0)], orders.Select(o => (o.ApprovedBy, o.Flags.Count)));
        Assert.Empty((await shop.Manager.ListReviewsAsync($"kind={ReviewKinds.PriceDeviation}")).Items);
    }

    [Fact]
    public async Task ApprovalBeyondTheSupervisor_ByACashier_OrWithoutAReason_AndBadPrices_RecordNothing()
    {
        await using var shop = await TillScenario.StartAsync();
        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();
        await till.Api.LogInSeededCashierAsync();
        var staff = await till.Api.StaffAsync();
        var supervisor = staff.Single(s => s.Name == SeededStaff.Supervisor.Name);
        var other = staff.Single(s => s.Name == SeededStaff.OtherCashier.Name);
        CartLine[] sixtyPercent = [new("GHEE-1L", 1, DiscountPaise: 39_000)];
        Tender[] cash = [new(PaymentMethods.Cash, 29_200)];

        var beyond = await till.Api.SellExpectingProblemAsync(new SaleRequest(sixtyPercent, cash,
            Approval: new SaleApproval(supervisor.StaffId, SeededStaff.Supervisor.Pin!, "regular")));
        using var byCashier = await till.Api.PostSaleAsync(new SaleRequest(sixtyPercent, cash,
            Approval: new SaleApproval(other.StaffId, SeededStaff.OtherCashier.Pin!, "regular")));
        var noReason = await till.Api.SellExpectingProblemAsync(new SaleRequest(sixtyPercent, cash,
            Approval: new SaleApproval(supervisor.StaffId, SeededStaff.Supervisor.Pin!, "")));
        var freeOverride = await till.Api.SellExpectingProblemAsync(new SaleRequest([new CartLine("GHEE-1L", 1, UnitPricePaise: 0)], cash));
        var billTooBig = await till.Api.SellExpectingProblemAsync(new SaleRequest([new CartLine("GHEE-1L", 1)], cash, BillDiscountPaise: 65_001));

        Assert.Equal($"Beyond what {supervisor.Name} may approve: line 1 (GHEE-1L) 60 % off: a supervisor may give 50 % off. Nothing was recorded.", beyond);
        Assert.Equal("Only a supervisor or manager can approve a discount or a price.",
            await Responses.ExpectProblemAsync(byCashier, HttpStatusCode.Forbidden, till));
        Assert.StartsWith("The approval's reason must be 1 to 200 printable characters", noReason, StringComparison.Ordinal);
        Assert.Equal("Line 1 (Cow Ghee 1 L): a changed price must be above ₹0 and at most ₹10000000.00.", freeOverride);
        Assert.Equal("The bill discount must be between ₹0 and the bill's amount after line discounts.", billTooBig);
        Assert.Empty(await till.Api.SalesAsync());
    }

    [Fact]
    public async Task PriceChangedAtHqWhileTheTillWasOffline_ItsSalesAtTheOldPriceCommitQuietly()
    {
        await using var shop = await TillScenario.StartAsync();
        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();
        await till.Api.LogInSeededCashierAsync();
        shop.Link.SetMode(LinkMode.Refuse);
        await shop.Manager.UpsertProductsAsync([HqScenario.Product("GHEE-1L") with { PricePaise = 70_000 }]);

        var receipt = await till.Api.SellAsync(new SaleRequest([new CartLine("GHEE-1L", 1)], [new Tender(PaymentMethods.Cash, 72_800)]));
        shop.Link.SetMode(LinkMode.Pass);
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync();

        Assert.Equal(65_000, receipt.Lines[0].UnitPricePaise);
        var order = Assert.Single(await shop.HqOrdersAsync());
        Assert.Equal((72_800L, 0), (order.Order.Totals.TotalPaise, order.Flags.Count));
        Assert.NotNull(order.Order.PricingVersion);
        Assert.Empty((await shop.Manager.ListReviewsAsync($"kind={ReviewKinds.PriceDeviation}")).Items);
    }
}
