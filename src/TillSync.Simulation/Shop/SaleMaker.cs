using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Core.Money;
using TillSync.Core.Orders;
using TillSync.Till.Sales;

namespace TillSync.Simulation.Shop;

/// <summary>Rings up random carts from a seeded <see cref="Random"/>: one to four lines (loose goods by weight to the gram),
/// an occasional discount, some B2B buyers and phone numbers, and tenders that are sometimes split and sometimes need
/// change — as a cashier would type them into the till.</summary>
public sealed class SaleMaker(Random random)
{
    /// <summary>A sale priced from <paramref name="snapshot"/>, the catalogue the till sells from.</summary>
    public SaleRequest Next(TillSnapshot snapshot)
    {
        var customer = NextCustomer();
        var cart = new List<CartLine>();
        var lines = new List<OrderLineDto>();
        var lineCount = random.Next(1, 5);
        for (var i = 0; i < lineCount; i++)
        {
            var product = snapshot.Products[random.Next(snapshot.Products.Count)];
            var qty = SimCatalog.IsLoose(product.Unit) ? random.Next(100, 3_001) / 1000m : random.Next(1, 4);
            var grossPaise = Paise.Round(qty * product.PricePaise);
            var discountPaise = random.NextDouble() < 0.1 ? random.NextInt64(0, (grossPaise / 10) + 1) : 0;
            cart.Add(new CartLine(product.Sku, qty, discountPaise));
            lines.Add(new OrderLineDto(product.Sku, qty, product.PricePaise, discountPaise, product.GstRateBp));
        }

        var kind = OrderTotals.SupplyKindOf(snapshot.Store.Details.Gstin, customer?.PlaceOfSupply);
        var totalPaise = OrderTotals.Compute(SaleMapping.ToCore(lines), kind).TotalPaise;
        return new SaleRequest(cart, Tenders(totalPaise), customer);
    }

    private CustomerDto? NextCustomer() => random.NextDouble() switch
    {
        < 0.12 => SimCatalog.B2BIntraState,
        < 0.17 => SimCatalog.B2BInterState,
        < 0.35 => new CustomerDto($"98{random.Next(10_000_000, 100_000_000)}", null, null, null),
        _ => null,
    };

    // Card and UPI never exceed the bill; cash covers the rest and may be more (change is given).
    private List<Tender> Tenders(long totalPaise)
    {
        var pick = random.NextDouble();
        if (pick < 0.4 || totalPaise < 200)
        {
            var roundedUpPaise = random.NextDouble() < 0.5 ? totalPaise : ((totalPaise / 50_000) + 1) * 50_000;
            return [new Tender(PaymentMethods.Cash, roundedUpPaise)];
        }

        if (pick < 0.6)
        {
            return [new Tender(PaymentMethods.Card, totalPaise)];
        }

        if (pick < 0.75)
        {
            return [new Tender(PaymentMethods.Upi, totalPaise)];
        }

        var electronicPaise = random.NextInt64(1, totalPaise);
        return pick < 0.9
            ? [new Tender(PaymentMethods.Card, electronicPaise), new Tender(PaymentMethods.Cash, totalPaise - electronicPaise)]
            : [new Tender(PaymentMethods.Upi, electronicPaise), new Tender(PaymentMethods.Card, totalPaise - electronicPaise)];
    }
}
