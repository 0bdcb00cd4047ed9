// Proves a sale through the till's local API is priced by TillSync.Core, numbered from one contiguous counter, stored
// with its receipt and reprinted identically. Drives a real `tillsync till` process over HTTP, backed by a real HQ.
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;
using Xunit.Abstractions;

namespace TillSync.Till.Tests.Sales;

public sealed class SaleRecordingTests(TillFixture shop, ITestOutputHelper log) : IClassFixture<TillFixture>
{
    private TillApi Api => shop.Api;

    [Fact]
    public async Task Sell_ThreeSales_TotalsEqualCoreAndNumbersAreContiguous()
    {
        var carts = new Carts(Random.Shared.Next());
        log.WriteLine($"seed {carts.Seed}");
        var lastSeq = await LastSeqAsync();
        SaleRequest[] sales =
        [
            new([new CartLine("RICE-5KG", 2), new CartLine("SUGAR-LOOSE", 1.250m, DiscountPaise: 500)],
                [new Tender(PaymentMethods.Card, 20_000), new Tender(PaymentMethods.Cash, 100_000)]),
            carts.Next(),
            carts.Next(),
        ];

        var receipts = new List<Receipt>();
        foreach (var sale in sales)
        {
            receipts.Add(await Api.SellAsync(sale));
        }

        Assert.Equal("T01", shop.Scenario.Till.BillPrefix);
        for (var i = 0; i < receipts.Count; i++)
        {
            var receipt = receipts[i];
            var seq = lastSeq + i + 1;
            Assert.Equal(seq, receipt.TillSeq);
            // Bill numbers run one behind tillSeq here: the fixture's shift open took tillSeq 1 and prints no bill.
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"T01/{BillNumber.FinancialYear(receipt.CreatedAt)}/{seq - 1:D6}"), receipt.BillNo);
            Assert.Equal(Carts.ExpectedTotals(sales[i].Lines), receipt.Totals);
            Assert.Equal(Carts.ExpectedLines(sales[i].Lines).Select(l => (l.Sku, l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp)),
                receipt.Lines.Select(l => (l.Sku, l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp)));
            AssertAddsUp(receipt);
            Assert.Equal(HqScenario.Store, receipt.Store);
            Assert.Equal(shop.Scenario.Till.Enrolment.Name, receipt.TillName);
            Assert.Equal("intra", receipt.SupplyKind);
            Assert.False(receipt.B2b);
            Assert.Equal("not_applicable", receipt.Irn.Status);
        }

        var listed = (await Api.SalesAsync(3)).Select(s => (s.ClientOrderId, s.TillSeq, s.BillNo, s.TotalPaise));
        Assert.Equal(receipts.AsEnumerable().Reverse().Select(r => (r.ClientOrderId, r.TillSeq, r.BillNo, r.Totals.TotalPaise)), listed);
    }

    [Fact]
    public async Task Sell_SplitTenderWithCash_AppliesCardThenCashAndGivesChange()
    {
        var lines = new List<CartLine> { new("GHEE-1L", 1), new("COLA-750ML", 2) };
        var totalPaise = Carts.ExpectedTotals(lines).TotalPaise;

        var receipt = await Api.SellAsync(new SaleRequest(lines,
            [new Tender(PaymentMethods.Card, 30_000), new Tender(PaymentMethods.Upi, 10_000), new Tender(PaymentMethods.Cash, 100_000)]));

        Assert.Equal(
            [new PaymentDto(PaymentMethods.Cash, totalPaise - 40_000), new PaymentDto(PaymentMethods.Card, 30_000), new PaymentDto(PaymentMethods.Upi, 10_000)],
            receipt.Payments);
        Assert.Equal(140_000, receipt.TenderedPaise);
        Assert.Equal(140_000 - totalPaise, receipt.ChangePaise);
    }

    [Fact]
    public async Task Sell_WithStoreCredit_NamesTheVoucherOnThePayment()
    {
        var lines = new List<CartLine> { new("GHEE-1L", 1) };
        var totalPaise = Carts.ExpectedTotals(lines).TotalPaise;

        var receipt = await Api.SellAsync(new SaleRequest(lines,
            [new Tender(PaymentMethods.StoreCredit, 50_000, "T09/2627/C00003"), new Tender(PaymentMethods.Cash, totalPaise)]));

        Assert.Equal([new PaymentDto(PaymentMethods.Cash, totalPaise - 50_000), new PaymentDto(PaymentMethods.StoreCredit, 50_000, "T09/2627/C00003")],
            receipt.Payments);
        Assert.Equal(50_000, receipt.ChangePaise);
    }

    [Fact]
    public async Task Sell_B2BInterState_ChargesIgstAndAwaitsAnIrn()
    {
        var lines = new List<CartLine> { new("SOAP-125G", 3), new("SUGAR-LOOSE", 2.5m) };

        var receipt = await Api.SellAsync(Carts.PaidInCash(lines, HqScenario.B2BInterState));

        Assert.Equal(HqScenario.B2BInterState, receipt.Customer);
        Assert.True(receipt.B2b);
        Assert.Equal("pending", receipt.Irn.Status);
        Assert.Equal("inter", receipt.SupplyKind);
        Assert.Equal(Carts.ExpectedTotals(lines, HqScenario.B2BInterState), receipt.Totals);
        Assert.True(receipt.Totals.IgstPaise > 0);
        Assert.Equal(0, receipt.Totals.CgstPaise + receipt.Totals.SgstPaise);
        AssertAddsUp(receipt);
    }

    [Fact]
    public async Task Sell_ByBarcode_RecordsTheCatalogueSku()
    {
        var milk = HqScenario.Product("MILK-500ML");

        var receipt = await Api.SellAsync(Carts.PaidInCash([new CartLine(milk.Barcode!, 2)]));

        var line = Assert.Single(receipt.Lines);
        Assert.Equal((milk.Sku, milk.Name, milk.Hsn, milk.Unit, 2m), (line.Sku, line.Name, line.Hsn, line.Unit, line.Qty));
    }

    [Fact]
    public async Task Quote_OfACart_EqualsTheReceiptOfItsSale()
    {
        var carts = new Carts(Random.Shared.Next());
        log.WriteLine($"seed {carts.Seed}");
        var sale = carts.Next();

        var quote = await Api.QuoteAsync(new QuoteRequest(sale.Lines, sale.Customer));
        var receipt = await Api.SellAsync(sale);

        Assert.Equal(quote.Totals, receipt.Totals);
        Assert.Equal(quote.Lines, receipt.Lines);
        Assert.Equal(quote.GstSummary, receipt.GstSummary);
        Assert.Equal(quote.SupplyKind, receipt.SupplyKind);
    }

    [Fact]
    public async Task Reprint_OfASale_IsTheSameReceiptBeforeAndAfterSync()
    {
        var response = await Api.PostSaleAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1), new CartLine("COLA-750ML", 4)]));
        await Responses.ExpectStatusAsync(response, HttpStatusCode.Created, shop.Till);
        var original = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var id = Guid.Parse(original["clientOrderId"]!.GetValue<string>());

        var reprint = (await Api.ReceiptJsonAsync(id)).AsObject();
        await Api.WaitDrainedAsync();
        var afterSync = (await Api.ReceiptJsonAsync(id)).AsObject();

        Assert.Equal("pending", original["syncState"]!.GetValue<string>());
        Assert.Equal("synced", afterSync["syncState"]!.GetValue<string>());
        foreach (var copy in new[] { original, reprint, afterSync })
        {
            copy.Remove("syncState");
        }

        Assert.True(JsonNode.DeepEquals(original, reprint), $"reprint differs:\n{original}\n{reprint}");
        Assert.True(JsonNode.DeepEquals(original, afterSync), $"reprint after sync differs:\n{original}\n{afterSync}");
    }

    [Fact]
    public async Task Reprint_OfAnUnknownSale_Answers404Problem()
    {
        var detail = await Responses.ExpectProblemAsync(await Api.GetReceiptRawAsync(Guid.CreateVersion7()), HttpStatusCode.NotFound, shop.Till);

        Assert.Contains("No sale with that id", detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadSales()
    {
        var rice = new List<CartLine> { new("RICE-5KG", 1) };
        var ricePaise = Carts.ExpectedTotals(rice).TotalPaise;
        static string Json(SaleRequest sale) => System.Text.Json.JsonSerializer.Serialize(sale, TillSync.Till.Web.TillJsonContext.Default.SaleRequest);
        return new TheoryData<string, string, string>
        {
            { "empty cart", Json(new SaleRequest([], [new Tender(PaymentMethods.Cash, 10_000)])), "The cart is empty." },
            { "store credit without its voucher", Json(new SaleRequest([new CartLine("SOAP-125G", 1)], [new Tender(PaymentMethods.StoreCredit, 5_310)])),
                "Store credit needs the voucher's code" },
            { "unknown SKU", Json(Carts.PaidInCash(rice) with { Lines = [new CartLine("NO-SUCH-SKU", 1)] }), "no product with SKU or barcode 'NO-SUCH-SKU'" },
            { "4-decimal qty", Json(new SaleRequest([new CartLine("SUGAR-LOOSE", 1.2345m)], [new Tender(PaymentMethods.Cash, 100_000)])), "at most 3 decimals" },
            { "zero qty", Json(new SaleRequest([new CartLine("SUGAR-LOOSE", 0m)], [new Tender(PaymentMethods.Cash, 100_000)])), "quantity must be above 0" },
            { "fractional qty of a PCS product", Json(new SaleRequest([new CartLine("SOAP-125G", 1.5m)], [new Tender(PaymentMethods.Cash, 100_000)])), "sold in whole PCS" },
            { "discount over the line", Json(new SaleRequest([new CartLine("SOAP-125G", 1, DiscountPaise: 4_501)], [new Tender(PaymentMethods.Cash, 100_000)])), "the discount must be between" },
            { "short payment", Json(new SaleRequest(rice, [new Tender(PaymentMethods.Cash, ricePaise - 150)])), "Payments are short by ₹1.50." },
            { "no payment", Json(new SaleRequest(rice, [])), "Take a payment" },
            { "card and UPI over the total", Json(new SaleRequest(rice, [new Tender(PaymentMethods.Card, ricePaise), new Tender(PaymentMethods.Upi, 100)])), "only cash can give change" },
            { "unknown method", Json(new SaleRequest(rice, [new Tender("cheque", ricePaise)])), "'cheque' is not a payment method" },
            { "bad GSTIN", Json(Carts.PaidInCash(rice, new CustomerDto(Gstin: "29AAACR5055K1Z4", Name: "Ramesh Traders"))), "is not a valid GSTIN" },
            { "malformed JSON", "{\"lines\":[{\"sku\":\"RICE-5KG\",\"qty\":1}],\"payments\":", "The request is not valid" },
            { "missing payments", "{\"lines\":[{\"sku\":\"RICE-5KG\",\"qty\":1}]}", "required properties are missing: 'payments'" },
            { "a key twice", "{\"lines\":[{\"sku\":\"RICE-5KG\",\"qty\":1}],\"payments\":[],\"payments\":[{\"method\":\"cash\",\"amountPaise\":1000000}]}",
                "'payments' appears more than once" },
            { "text for a quantity", "{\"lines\":[{\"sku\":\"RICE-5KG\",\"qty\":\"one\"}],\"payments\":[]}", "at $.lines[0].qty: the value" },
            { "control character in the customer's name", Json(Carts.PaidInCash(rice, new CustomerDto(Phone: "9876543210", Name: "Ramesh\u001b[31m Traders"))),
                "no line breaks or other control characters" },
        };
    }

    [Theory]
    [MemberData(nameof(BadSales))]
    public async Task Sell_BadInput_Answers400WithADetailAndStoresNothing(string problem, string json, string expectedDetail)
    {
        var before = await SaleIdsAsync();

        var detail = await Responses.ExpectProblemAsync(await Api.PostSaleJsonAsync(json), HttpStatusCode.BadRequest, shop.Till);

        Assert.True(detail.Contains(expectedDetail, StringComparison.Ordinal), $"{problem}: {detail}");
        Assert.DoesNotMatch(@"\b(System|TillSync|Microsoft)\.[A-Z]|`1", detail);
        Assert.Equal(before, await SaleIdsAsync());
        // The refused sale consumed no number: the next good sale takes the one after the last sale.
        var next = await Api.SellAsync(Carts.PaidInCash([new CartLine("MILK-500ML", 1)]));
        Assert.True(before.Count == 0 ? next.TillSeq == 2 : next.TillSeq == before[0].TillSeq + 1, $"{problem}: next sale got tillSeq {next.TillSeq}");
    }

    private async Task<long> LastSeqAsync() => (await Api.SalesAsync(1)).FirstOrDefault()?.TillSeq ?? 0;

    private async Task<List<(Guid Id, long TillSeq)>> SaleIdsAsync() =>
        [.. (await Api.SalesAsync(500)).Select(s => (s.ClientOrderId, s.TillSeq))];

    private static void AssertAddsUp(Receipt receipt)
    {
        var t = receipt.Totals;
        Assert.Equal(t.TaxablePaise, receipt.Lines.Sum(l => l.TaxablePaise));
        Assert.Equal(t.CgstPaise + t.SgstPaise + t.IgstPaise, receipt.Lines.Sum(l => l.CgstPaise + l.SgstPaise + l.IgstPaise));
        Assert.Equal(t.TaxablePaise, receipt.GstSummary.Sum(g => g.TaxablePaise));
        Assert.Equal(t.IgstPaise, receipt.GstSummary.Sum(g => g.IgstPaise));
        Assert.Equal(t.TaxablePaise + t.CgstPaise + t.SgstPaise + t.IgstPaise + t.RoundOffPaise, t.TotalPaise);
        Assert.Equal(0, t.TotalPaise % 100);
        Assert.Equal(t.TotalPaise, receipt.Payments.Sum(p => p.AmountPaise));
        Assert.Equal(t.TotalPaise, receipt.TenderedPaise - receipt.ChangePaise);
    }
}
