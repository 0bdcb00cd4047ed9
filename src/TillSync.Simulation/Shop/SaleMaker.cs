using System.Globalization;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Core.Money;
using TillSync.Core.Orders;
using TillSync.Till.Sales;

namespace TillSync.Simulation.Shop;

/// <summary>Rings up random carts from a seeded <see cref="Random"/>: one to four lines (loose goods by weight to the gram),
/// an occasional discount, some B2B buyers and regular customers' phone numbers (who earn loyalty points and now and then
/// redeem some, within the offline limit and the balance the till last heard of), and tenders that are sometimes split,
/// sometimes need change and sometimes spend a store credit voucher the customer holds — as a cashier would type them into
/// the till. Without <paramref name="papers"/> no voucher is ever spent.</summary>
public sealed class SaleMaker(Random random, CustomerPapers? papers = null)
{
    // Few enough regulars that their points add up to something worth redeeming within a run.
    private const int RegularsCount = 12;

    /// <summary>A sale priced from <paramref name="snapshot"/>, the catalogue the till sells from.</summary>
    public SaleRequest Next(TillSnapshot snapshot)
    {
        var (cart, customer, totalPaise) = Cart(snapshot);
        var burn = Burn(snapshot, customer, totalPaise);
        var burnPaise = burn is null ? 0 : burn.BurnPoints * snapshot.Loyalty!.Settings.BurnValuePaisePerPoint;
        return new SaleRequest(cart, Tenders(totalPaise - burnPaise), customer, burn);
    }

    /// <summary>The new sale of an exchange: a cart whose tenders cover what <paramref name="creditPaise"/>, the return's
    /// refund, leaves due (none when the refund covers it all).</summary>
    public SaleRequest NextExchange(TillSnapshot snapshot, long creditPaise)
    {
        var (cart, customer, totalPaise) = Cart(snapshot);
        var duePaise = totalPaise - Math.Min(totalPaise, creditPaise);
        return new SaleRequest(cart, duePaise == 0 ? [] : [new Tender(PaymentMethods.Cash, duePaise)], customer);
    }

    /// <summary><paramref name="sale"/>'s cart sold to <paramref name="customer"/> burning <paramref name="burn"/>, paid by
    /// card for what the burn leaves due; null when the burn would leave nothing to pay (the till refuses that).</summary>
    public static SaleRequest? WithBurn(TillSnapshot snapshot, SaleRequest sale, CustomerDto customer, SaleLoyalty burn)
    {
        var duePaise = TotalPaise(snapshot, sale.Lines, customer) - checked(burn.BurnPoints * snapshot.Loyalty!.Settings.BurnValuePaisePerPoint);
        return duePaise <= 0 ? null : sale with { Payments = [new Tender(PaymentMethods.Card, duePaise)], Customer = customer, Loyalty = burn };
    }

    /// <summary>The bill total of <paramref name="cart"/> at <paramref name="snapshot"/>'s prices, as the till quotes it.</summary>
    public static long TotalPaise(TillSnapshot snapshot, IEnumerable<CartLine> cart, CustomerDto? customer)
    {
        var lines = cart.Select(line =>
        {
            var product = snapshot.Products.First(p => p.Sku == line.Sku);
            return new OrderLineDto(product.Sku, line.Qty, product.PricePaise, line.DiscountPaise, product.GstRateBp, product.TaxInclusive, product.MrpPaise);
        }).ToList();
        var kind = OrderTotals.SupplyKindOf(snapshot.Store.Details.Gstin, customer?.PlaceOfSupply);
        return OrderTotals.Compute(SaleMapping.ToCore(lines), kind).TotalPaise;
    }

    private (List<CartLine> Cart, CustomerDto? Customer, long TotalPaise) Cart(TillSnapshot snapshot)
    {
        var customer = NextCustomer();
        var cart = new List<CartLine>();
        var lineCount = random.Next(1, 5);
        for (var i = 0; i < lineCount; i++)
        {
            var product = snapshot.Products[random.Next(snapshot.Products.Count)];
            var qty = SimCatalog.IsLoose(product.Unit) ? random.Next(100, 3_001) / 1000m : random.Next(1, 4);
            var grossPaise = Paise.Round(qty * product.PricePaise);
            var discountPaise = random.NextDouble() < 0.1 ? random.NextInt64(0, (grossPaise / 10) + 1) : 0;
            cart.Add(new CartLine(product.Sku, qty, discountPaise));
        }

        return (cart, customer, TotalPaise(snapshot, cart, customer));
    }

    private CustomerDto? NextCustomer() => random.NextDouble() switch
    {
        < 0.12 => SimCatalog.B2BIntraState,
        < 0.17 => SimCatalog.B2BInterState,
        < 0.35 => new CustomerDto(string.Create(CultureInfo.InvariantCulture, $"98765{random.Next(RegularsCount):D5}"), null, null, null),
        _ => null,
    };

    // A regular redeems some of the points the till last heard of, within the offline limit and below the bill, as the
    // cashier's "Redeem" allows; the till may hold a stale balance, and two tills may redeem the same points offline.
    private SaleLoyalty? Burn(TillSnapshot snapshot, CustomerDto? customer, long totalPaise)
    {
        if (customer?.Phone is not { } phone || snapshot.Loyalty is not { } loyalty || random.NextDouble() >= 0.4)
        {
            return null;
        }

        var valuePaise = loyalty.Settings.BurnValuePaisePerPoint;
        var knownPoints = loyalty.Customers.FirstOrDefault(c => c.Phone == phone)?.BalancePoints ?? 0;
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
