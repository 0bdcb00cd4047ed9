// Regression: the till cleans a typed customer (trims, upper-cases the GSTIN) only when it saves the sale, but checked
// and priced the raw input first, so " 29 " priced as IGST and a lower-case GSTIN was refused. Drives a real till.
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Regressions;

public sealed class CustomerCheckedAndPricedBeforeCleaning(TillFixture shop) : IClassFixture<TillFixture>
{
    private static readonly List<CartLine> Ghee = [new("GHEE-1L", 2)];

    public static TheoryData<string, CustomerDto, CustomerDto, string> TypedCustomers() => new()
    {
        { "place of supply with spaces", new CustomerDto("9876543210", "29AAACR5055K1Z3", "Ramesh Traders", " 29 "), HqScenario.B2BIntraState, "intra" },
        { "lower-case GSTIN", new CustomerDto("9876543210", "29aaacr5055k1z3", "Ramesh Traders", "29"), HqScenario.B2BIntraState, "intra" },
        { "everything padded", new CustomerDto(" 9123456780 ", " 27aaacs7319f1ze ", " Sharma Distributors ", " 27 "), HqScenario.B2BInterState, "inter" },
    };

    [Theory]
    [MemberData(nameof(TypedCustomers))]
    public async Task Sell_CustomerTypedLoosely_IsCleanedThenPricedAndSaved(string typing, CustomerDto typed, CustomerDto clean, string supplyKind)
    {
        var receipt = await shop.Api.SellAsync(Carts.PaidInCash(Ghee, clean) with { Customer = typed });

        Assert.True(clean == receipt.Customer, typing);
        Assert.Equal(supplyKind, receipt.SupplyKind);
        Assert.Equal(Carts.ExpectedTotals(Ghee, clean), receipt.Totals);
    }

    [Theory]
    [MemberData(nameof(TypedCustomers))]
    public async Task Quote_CustomerTypedLoosely_IsPricedAsTheSaleWillBe(string typing, CustomerDto typed, CustomerDto clean, string supplyKind)
    {
        var quote = await shop.Api.QuoteAsync(new QuoteRequest(Ghee, typed));

        Assert.True(supplyKind == quote.SupplyKind, typing);
        Assert.Equal(Carts.ExpectedTotals(Ghee, clean), quote.Totals);
    }
}
