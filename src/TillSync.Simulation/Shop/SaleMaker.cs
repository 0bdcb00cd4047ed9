using System.Globalization;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Core.Money;
using TillSync.Core.Orders;
using TillSync.Core.Pricing;
using TillSync.Simulation.Nodes;
using TillSync.Till.Sales;

namespace TillSync.Simulation.Shop;

/// <summary>Rings up random carts from a seeded <see cref="Random"/>: one to four lines (loose goods by weight to the gram),
/// an occasional discount, some B2B buyers and regular customers' phone numbers (who earn loyalty points and now and then
/// redeem some, within the offline limit and the balance the till will check the burn against), and tenders that are
/// sometimes split, sometimes need change and sometimes spend a store credit voucher the customer holds — as a cashier
/// would type them into the till, which applies the promotions of its snapshot in force (docs/pricing.md): the cashier
/// takes payment for the total the till quotes. Without <paramref name="papers"/> no voucher is ever spent.</summary>
public sealed class SaleMaker(Random random, CustomerPapers? papers = null)
{
    // Few enough regulars that their points add up to something worth redeeming within a run.
    private const int RegularsCount = 12;

    // The most a line discount takes off, in tenths of the line: a cashier's own limit (docs/pricing.md, role limits), so
    // that no sale needs a supervisor's PIN.
    private const int DiscountTenthsMax = 1;

    /// <summary>A sale rung up at <paramref name="till"/> at <paramref name="at"/> (its clock), priced from its catalogue.</summary>
    public async Task<SaleRequest> NextAsync(TillNode till, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var snapshot = till.Snapshot ?? throw new InvalidOperationException($"till {till.Number} has no catalogue to sell from");
        var (cart, customer, totalPaise) = Cart(snapshot, at);
        var burn = await BurnAsync(till, snapshot, customer, totalPaise, cancellationToken);
        var burnPaise = burn is null ? 0 : burn.BurnPoints * snapshot.Loyalty!.Settings.BurnValuePaisePerPoint;
        return new SaleRequest(cart, Tenders(totalPaise - burnPaise), customer, burn);
    }

    /// <summary>The new sale of an exchange at <paramref name="at"/>: a cart whose tenders cover what
    /// <paramref name="creditPaise"/>, the return's refund, leaves due (none when the refund covers it all).</summary>
    public SaleRequest NextExchange(TillSnapshot snapshot, DateTimeOffset at, long creditPaise)
    {
        var (cart, customer, totalPaise) = Cart(snapshot, at);
        var duePaise = totalPaise - Math.Min(totalPaise, creditPaise);
        return new SaleRequest(cart, duePaise == 0 ? [] : [new Tender(PaymentMethods.Cash, duePaise)], customer);
    }

    /// <summary><paramref name="sale"/>'s cart sold to <paramref name="customer"/> at <paramref name="at"/> burning
    /// <paramref name="burn"/>, paid by card for what the burn leaves due; null when the burn would leave nothing to pay
    /// (the till refuses that).</summary>
    public static SaleRequest? WithBurn(TillSnapshot snapshot, DateTimeOffset at, SaleRequest sale, CustomerDto customer, SaleLoyalty burn)
    {
        var duePaise = TotalPaise(snapshot, sale.Lines, customer, at) - checked(burn.BurnPoints * snapshot.Loyalty!.Settings.BurnValuePaisePerPoint);
        return duePaise <= 0 ? null : sale with { Payments = [new Tender(PaymentMethods.Card, duePaise)], Customer = customer, Loyalty = burn };
    }

    /// <summary>The bill total of <paramref name="cart"/> as the till quotes it at <paramref name="at"/>: <paramref name="snapshot"/>'s
    /// prices with its promotions in force then (<see cref="SnapshotPromotions"/>, <see cref="PromotionPricing"/>), then the
    /// cashier's discounts.</summary>
    public static long TotalPaise(TillSnapshot snapshot, IReadOnlyList<CartLine> cart, CustomerDto? customer, DateTimeOffset at)
    {
        var promoted = Promoted(snapshot, cart, at);
        return Total(snapshot, cart, customer, (i, product) => (promoted.Lines[i].UnitPricePaise, promoted.Lines[i].PromotionPaise + promoted.Lines[i].BillSharePaise));
    }

    /// <summary>The bill total of <paramref name="cart"/> at <paramref name="snapshot"/>'s catalogue prices, before any
    /// promotion: the most the till can ask for it (promotions only take off), so cash of this much always covers it.</summary>
    public static long TotalPaise(TillSnapshot snapshot, IEnumerable<CartLine> cart, CustomerDto? customer) =>
        Total(snapshot, [.. cart], customer, (_, product) => (product.PricePaise, 0));

    private static long Total(
        TillSnapshot snapshot, IReadOnlyList<CartLine> cart, CustomerDto? customer, Func<int, SnapshotProduct, (long UnitPricePaise, long PromotionPaise)> price)
    {
        var lines = cart.Select((line, i) =>
        {
            var product = snapshot.Products.First(p => p.Sku == line.Sku);
            var (unitPricePaise, promotionPaise) = price(i, product);
            return new OrderLineDto(product.Sku, line.Qty, unitPricePaise, checked(line.DiscountPaise + promotionPaise), product.GstRateBp, product.TaxInclusive,
                product.MrpPaise);
        }).ToList();
        var kind = OrderTotals.SupplyKindOf(snapshot.Store.Details.Gstin, customer?.PlaceOfSupply);
        return OrderTotals.Compute(SaleMapping.ToCore(lines), kind).TotalPaise;
    }

    // The cart's lines with the snapshot's promotions in force at the sale's time applied, as the till applies them.
    private static PromotedCart Promoted(TillSnapshot snapshot, IReadOnlyList<CartLine> cart, DateTimeOffset at) =>
        PromotionPricing.Apply(
            [.. cart.Select(line => snapshot.Products.First(p => p.Sku == line.Sku)).Select((product, i) => new PromotionInput(product.Sku, cart[i].Qty, product.PricePaise, product.MrpPaise))],
            SnapshotPromotions.InForce(snapshot, at));

    private (List<CartLine> Cart, CustomerDto? Customer, long TotalPaise) Cart(TillSnapshot snapshot, DateTimeOffset at)
    {
        var customer = NextCustomer();
        var cart = new List<CartLine>();
        var lineCount = random.Next(1, 5);
        for (var i = 0; i < lineCount; i++)
        {
            var product = snapshot.Products[random.Next(snapshot.Products.Count)];
            var qty = SimCatalog.IsLoose(product.Unit) ? random.Next(100, 3_001) / 1000m : random.Next(1, 4);
            var grossPaise = Paise.Round(qty * product.PricePaise);
            var discountPaise = random.NextDouble() < 0.1 ? random.NextInt64(0, (grossPaise * DiscountTenthsMax / 10) + 1) : 0;
            cart.Add(new CartLine(product.Sku, qty, discountPaise));
        }

        // The till applies its promotions before the cashier's discount, which then takes at most what they leave of the
        // line and stays within a cashier's limit of the line at its promotional price.
        var promoted = Promoted(snapshot, cart, at);
        for (var i = 0; i < cart.Count; i++)
        {
            var line = promoted.Lines[i];
            var grossPaise = Paise.Round(cart[i].Qty * line.UnitPricePaise);
            var mostPaise = Math.Min(grossPaise * DiscountTenthsMax / 10, grossPaise - line.PromotionPaise - line.BillSharePaise);
            cart[i] = cart[i] with { DiscountPaise = Math.Min(cart[i].DiscountPaise, Math.Max(0, mostPaise)) };
        }

        return (cart, customer, TotalPaise(snapshot, cart, customer, at));
    }

    private CustomerDto? NextCustomer() => random.NextDouble() switch
    {
        < 0.12 => SimCatalog.B2BIntraState,
        < 0.17 => SimCatalog.B2BInterState,
        < 0.35 => new CustomerDto(string.Create(CultureInfo.InvariantCulture, $"98765{random.Next(RegularsCount):D5}"), null, null, null),
        _ => null,
    };

    // A regular redeems some points, within the offline limit and below the bill, as the cashier's "Redeem" allows: the page
    // offers the balance the till will check the burn against (its last-known balance less the burns it knows of since:
    // LoyaltyBalances.ForBurnAsync), so a burn chosen here is never refused for the balance. The till may still hold a stale
    // balance, and two tills that do not hear of each other may redeem the same points offline: HQ flags the overdraft.
    private async Task<SaleLoyalty?> BurnAsync(TillNode till, TillSnapshot snapshot, CustomerDto? customer, long totalPaise, CancellationToken cancellationToken)
    {
        if (customer?.Phone is not { } phone || snapshot.Loyalty is not { } loyalty || random.NextDouble() >= 0.4)
        {
            return null;
        }

        var valuePaise = loyalty.Settings.BurnValuePaisePerPoint;
        var knownPoints = await till.LoyaltyBalanceForBurnAsync(phone, cancellationToken) ?? 0;
        var mostPoints = Math.Min(knownPoints, Math.Min(loyalty.Settings.OfflineBurnPaiseMax, totalPaise - 1) / valuePaise);
        return mostPoints <= 0 ? null : new SaleLoyalty(random.NextInt64(1, mostPoints + 1));
    }

    // Card, UPI and store credit never exceed what is due; cash covers the rest and may be more (change is given).
    private List<Tender> Tenders(long duePaise)
    {
        var pick = random.NextDouble();
        if (papers is not null && pick < 0.1 && papers.Voucher(random, spent: random.NextDouble() < 0.15) is { } voucher)
        {
            // A voucher already spent to the last paisa is presented for what it once held: a till offline cannot know.
            var creditPaise = Math.Min(duePaise, voucher.LeftPaise > 0 ? voucher.LeftPaise : voucher.IssuedPaise);
            voucher.SpentPaise += creditPaise;
            return creditPaise == duePaise
                ? [new Tender(PaymentMethods.StoreCredit, creditPaise, voucher.Code)]
                : [new Tender(PaymentMethods.StoreCredit, creditPaise, voucher.Code), new Tender(PaymentMethods.Cash, duePaise - creditPaise)];
        }

        if (pick < 0.4 || duePaise < 200)
        {
            var roundedUpPaise = random.NextDouble() < 0.5 ? duePaise : ((duePaise / 50_000) + 1) * 50_000;
            return [new Tender(PaymentMethods.Cash, roundedUpPaise)];
        }

        if (pick < 0.6)
        {
            return [new Tender(PaymentMethods.Card, duePaise)];
        }

        if (pick < 0.75)
        {
            return [new Tender(PaymentMethods.Upi, duePaise)];
        }

        var electronicPaise = random.NextInt64(1, duePaise);
        return pick < 0.9
            ? [new Tender(PaymentMethods.Card, electronicPaise), new Tender(PaymentMethods.Cash, duePaise - electronicPaise)]
            : [new Tender(PaymentMethods.Upi, electronicPaise), new Tender(PaymentMethods.Card, duePaise - electronicPaise)];
    }
}
