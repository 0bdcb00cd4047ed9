// Proves the catalogue CSV import (POST /api/v1/products/import): a good file is applied whole, prices and flags as
// written, and a retry with the same Idempotency-Key applies it once; a file with bad rows names every bad row by its
// line and reason in the problem's rows and changes no product, not even its good rows.
using System.Net;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Catalog;

public sealed class ProductImportTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private const string Header = "sku,name,hsn,unit,gst_rate_percent,price_rupees,cost_rupees,mrp_rupees,tax_inclusive,barcode";

    [Fact]
    public async Task Import_GoodFile_AppliesEveryRow_OnceForOneKey()
    {
        var (tea, jam) = (Sku("TEA"), Sku("JAM"));
        var csv = $"{Header}\r\n{tea},\"Assam Tea, 250 g\",0902,PCS,5,140.50,110,,no,\r\n{jam},Mixed fruit jam 500 g,2007,pcs,12,150,120,150,yes,8901234567890\r\n";
        var key = Guid.NewGuid().ToString();

        var first = await Responses.ExpectAsync(await fixture.Manager.ImportProductsRawAsync(csv, key), HttpStatusCode.OK,
            TillSyncJsonContext.Default.ProductUpsertResult, fixture.Hq);
        var again = await Responses.ExpectAsync(await fixture.Manager.ImportProductsRawAsync(csv, key), HttpStatusCode.OK,
            TillSyncJsonContext.Default.ProductUpsertResult, fixture.Hq);

        Assert.Equal((2, 2), (first.Upserted, again.Upserted));
        var products = await fixture.Manager.ProductsAsync();
        Assert.Equal(new ProductDto(tea, "Assam Tea, 250 g", "0902", "PCS", 500, 14_050, 11_000, null, TaxInclusive: false), Assert.Single(products, p => p.Sku == tea));
        Assert.Equal(new ProductDto(jam, "Mixed fruit jam 500 g", "2007", "PCS", 1_200, 15_000, 12_000, "8901234567890", 15_000, TaxInclusive: true),
            Assert.Single(products, p => p.Sku == jam));
        Assert.Single(await fixture.Manager.AuditAsync("products.import"), e => e.Detail.Contains(tea, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_EmptyInclusiveCell_NewProductInclusive_ExistingKeepsItsFooting()
    {
        var (oil, ghee) = (Sku("OIL"), Sku("GHEE"));
        await fixture.Manager.UpsertProductsAsync([new ProductDto(ghee, "Ghee 500 ml", "0405", "PCS", 1_200, 30_000, 25_000, null, TaxInclusive: false)]);
        var csv = $"{Header}\n{oil},Sunflower oil 1 L,1512,PCS,5,180,150,180,,\n{ghee},Ghee 500 ml,0405,PCS,12,310,250,,,\n";

        Assert.Equal(2, (await Responses.ExpectAsync(await fixture.Manager.ImportProductsRawAsync(csv), HttpStatusCode.OK,
            TillSyncJsonContext.Default.ProductUpsertResult, fixture.Hq)).Upserted);

        var products = (await fixture.Manager.ProductsAsync()).ToDictionary(p => p.Sku, p => (p.PricePaise, p.TaxInclusive));
        Assert.Equal((18_000L, (bool?)true), products[oil]);
        Assert.Equal((31_000L, (bool?)false), products[ghee]);
    }

    [Fact]
    public async Task Import_EmptyInclusiveCell_OnAnExclusiveProductAboveItsMrp_NamesTheLine_AppliesNothing()
    {
        var (oil, ghee) = (Sku("OIL"), Sku("GHEE"));
        await fixture.Manager.UpsertProductsAsync([new ProductDto(ghee, "Ghee 500 ml", "0405", "PCS", 1_200, 30_000, 25_000, null, TaxInclusive: false)]);
        // ₹300 before 12 % is ₹336 to the customer: above an MRP of ₹300 on the footing the product keeps.
        var csv = $"{Header}\n{oil},Sunflower oil 1 L,1512,PCS,5,180,150,180,,\n{ghee},Ghee 500 ml,0405,PCS,12,300,250,300,,\n";

        var detail = await Responses.ExpectProblemAsync(await fixture.Manager.ImportProductsRawAsync(csv), HttpStatusCode.BadRequest, fixture.Hq);

        Assert.Equal("1 of 2 rows are bad; nothing was applied. First: line 3: the price with tax ₹336.00 is above the MRP ₹300.00; nothing may be sold above its MRP.", detail);
        Assert.DoesNotContain(await fixture.Manager.ProductsAsync(), p => p.Sku == oil);
    }

    [Fact]
    public async Task Import_BadRows_NamesEachByLine_AndAppliesNothing()
    {
        var (good, bad1, bad2) = (Sku("OIL"), Sku("SALT"), Sku("DAL"));
        var csv = string.Join('\n',
            Header,
            $"{good},Sunflower oil 1 L,1512,PCS,5,180,150,,no,",
            $"{bad1},Iodised salt 1 kg,25A1,PCS,0,28,20,,no,",
            $"{bad2},Toor dal 1 kg,0713,PCS,5,abc,120,,no,",
            $"{good},Sunflower oil 1 L again,1512,PCS,5,190,150,,no,",
            "");

        var response = await fixture.Manager.ImportProductsRawAsync(csv);

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.StartsWith("3 of 4 rows are bad; nothing was applied. First: line 3: hsn '25A1' must be 4 to 8 digits.", detail, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rows = problem.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("sku").GetString(), r.GetProperty("problem").GetString())).ToList();
        Assert.Equal(
            [
                (3, bad1, "hsn '25A1' must be 4 to 8 digits"),
                (4, bad2, "price_rupees 'abc' is not an amount in rupees such as 45 or 45.50"),
                (5, good, $"SKU {good} is already on line 2"),
            ],
            rows);
        Assert.DoesNotContain(await fixture.Manager.ProductsAsync(), p => p.Sku == good);
    }

    [Theory]
    [InlineData("sku,name\nX,Y\n", "line 1 must be the header")]
    [InlineData("", "line 1 must be the header")]
    [InlineData(Header + "\n", "1 to 5000 products")]
    [InlineData(Header + "\nA,\"open quote,1,2\n", "line 2: a quoted field is never closed")]
    public async Task Import_BadFile_IsRefusedWhole(string csv, string expected)
    {
        var before = (await fixture.Manager.ProductsAsync()).Count;

        var detail = await Responses.ExpectProblemAsync(await fixture.Manager.ImportProductsRawAsync(csv), HttpStatusCode.BadRequest, fixture.Hq);

        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.Equal(before, (await fixture.Manager.ProductsAsync()).Count);
    }

    private static string Sku(string stem) => $"{stem}-{Guid.CreateVersion7().ToString("N")[^6..].ToUpperInvariant()}";
}
