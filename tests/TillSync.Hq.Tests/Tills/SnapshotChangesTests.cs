// Proves the snapshot by delta: after a price change, a product added, stock moved or settings changed, the changes since
// the till's version carry just that, and applied to the snapshot held they give exactly a whole snapshot read now.
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Tills;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Tills;

public sealed class SnapshotChangesTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Changes_PriceChanged_CarryThatProductOnly_AndApplyToTheWholeSnapshot()
    {
        var till = await fixture.EnrolTillAsync();
        var held = await till.SnapshotAsync();
        var ghee = HqScenario.Product("GHEE-1L");
        var before = held.Products.Single(p => p.Sku == ghee.Sku);

        await fixture.Manager.UpsertProductsAsync([ghee with { PricePaise = before.PricePaise + 1_000 }]);
        var changes = await till.ChangesAsync(held.Version!);

        var changed = Assert.Single(changes.Products);
        Assert.Equal((ghee.Sku, before.PricePaise + 1_000, before.OnHand), (changed.Sku, changed.PricePaise, changed.OnHand));
        Assert.Empty(changes.OnHand);
        Assert.Null(changes.Settings);
        Assert.Null(changes.Whole);
        Assert.Equal(held.PricingVersion + 1, changes.PricingVersion);
        await AssertAppliesAsync(till, held, changes);
    }

    [Fact]
    public async Task Changes_ProductAddedAndUnchangedOneResent_CarryTheNewOneOnly()
    {
        var till = await fixture.EnrolTillAsync();
        var held = await till.SnapshotAsync();
        var added = new ProductDto($"TEA-250G-{till.TillId}", "Tea 250 g", "0902", "PCS", 500, 14_000, 11_000, null, 14_000, true);

        // The soap is sent again unchanged but for its cost, as a catalogue import does: no till needs it again.
        await fixture.Manager.UpsertProductsAsync([added, AsProduct(held.Products.Single(p => p.Sku == "SOAP-125G"), 3_300)]);
        var changes = await till.ChangesAsync(held.Version!);

        var product = Assert.Single(changes.Products);
        Assert.Equal((added.Sku, added.Name, 14_000L, (long?)14_000, true, 0m),
            (product.Sku, product.Name, product.PricePaise, product.MrpPaise, product.TaxInclusive, product.OnHand));
        await AssertAppliesAsync(till, held, changes);
    }

    [Fact]
    public async Task Changes_StockMovedBySalesAndReceipt_CarryTheOnHandAndNextSeq()
    {
        var till = await fixture.EnrolTillAsync();
        var held = await till.SnapshotAsync();

        // Two SKUs sold and one received: few enough for a delta (random carts could touch half the catalogue, which
        // HQ rightly answers with the whole snapshot).
        await till.SyncAsync([till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)]), till.Orders.Next([OrderFactory.Line("SOAP-125G", 2)])]);
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine("RICE-5KG", 7)]));
        var changes = await till.ChangesAsync(held.Version!);

        Assert.Null(changes.Whole);
        Assert.Empty(changes.Products);
        Assert.Equal(3, changes.NextSeq);
        Assert.Equal(["GHEE-1L", "RICE-5KG", "SOAP-125G"], changes.OnHand.Select(o => o.Sku));
        foreach (var onHand in changes.OnHand)
        {
            Assert.Equal(await fixture.Manager.OnHandAsync(onHand.Sku), onHand.OnHand);
        }

        Assert.True(changes.StockVersion > held.StockVersion, $"stock version {changes.StockVersion} after {held.StockVersion}");
        await AssertAppliesAsync(till, held, changes);
    }

    [Fact]
    public async Task Changes_RoleLimitsAndLoyaltySettingsChanged_CarryTheSettingsWhole()
    {
        var till = await fixture.EnrolTillAsync();
        var held = await till.SnapshotAsync();

        await fixture.Manager.PutRoleLimitsAsync([new RoleLimitDto("cashier", 1_234, false)]);
        var loyalty = await fixture.Manager.GetSettingsAsync();
        await fixture.Manager.PutSettingsAsync(loyalty with { BurnValuePaisePerPoint = loyalty.BurnValuePaisePerPoint + 5 });
        var changes = await till.ChangesAsync(held.Version!);

        Assert.Empty(changes.Products);
        Assert.NotNull(changes.Settings);
        Assert.Equal(1_234, changes.Settings.RoleLimits.Single(r => r.Role == "cashier").DiscountBpMax);
        Assert.Equal(loyalty.BurnValuePaisePerPoint + 5, changes.Settings.LoyaltySettings.BurnValuePaisePerPoint);
        Assert.Equal(held.PricingVersion + 2, changes.PricingVersion);
        await AssertAppliesAsync(till, held, changes);
    }

    [Fact]
    public async Task Changes_AChainOfDeltas_HoldsWhatTheWholeSnapshotHolds()
    {
        var till = await fixture.EnrolTillAsync();
        var held = await till.SnapshotAsync();
        var milk = HqScenario.Product("MILK-500ML");

        for (var step = 1; step <= 4; step++)
        {
            await fixture.Manager.UpsertProductsAsync([milk with { PricePaise = milk.PricePaise + step }]);
            await till.SyncAsync(till.Orders.NextBatch(1));
            var changes = await till.ChangesAsync(held.Version!);
            held = SnapshotMerge.Apply(held, changes);
        }

        Assert.Equal(SnapshotCalls.Comparable(await till.SnapshotAsync()), SnapshotCalls.Comparable(held));
        Assert.Equal(milk.PricePaise + 4, held.Products.Single(p => p.Sku == milk.Sku).PricePaise);
    }

    [Fact]
    public async Task Changes_NothingChanged_IsNotModifiedWithoutABody()
    {
        var till = await fixture.EnrolTillAsync();
        var held = await till.SnapshotAsync();

        using var response = await till.ChangesRawAsync(held.Version, "br");

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("1-2-3-4")]
    [InlineData("1-2-3-0-0123456789abcdef")]
    [InlineData("x-2-3-4-0123456789abcdef")]
    [InlineData("1-2-3-4-0123456789ABCDEF")]
    [InlineData("1-2-3-4-0123456789abcdef-5")]
    public async Task Changes_BadSince_IsAProblemAndChangesNothing(string? since)
    {
        var till = await fixture.EnrolTillAsync();
        var held = await till.SnapshotAsync();

        using var response = await till.ChangesRawAsync(since);

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Contains("since", detail, StringComparison.Ordinal);
        Assert.Equal(SnapshotCalls.Comparable(held), SnapshotCalls.Comparable(await till.SnapshotAsync()));
    }

    [Fact]
    public async Task Changes_VersionAheadOfHq_AnswerTheWholeSnapshot()
    {
        var till = await fixture.EnrolTillAsync();
        var held = await till.SnapshotAsync();
        var parts = held.Version!.Split('-');

        // A version HQ never handed out: the till's came from an HQ since restored from an older backup.
        var changes = await till.ChangesAsync($"{long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) + 1_000}-{string.Join('-', parts[1..])}");

        Assert.NotNull(changes.Whole);
        Assert.Equal(SnapshotCalls.Comparable(held), SnapshotCalls.Comparable(changes.Whole));
    }

    [Fact]
    public async Task Changes_MostOfTheCatalogueChanged_AnswerTheWholeSnapshot()
    {
        var till = await fixture.EnrolTillAsync();
        var held = await till.SnapshotAsync();

        await fixture.Manager.UpsertProductsAsync([.. held.Products.Select(p => AsProduct(p, 1) with { Name = p.Name + " (new pack)" })]);
        var changes = await till.ChangesAsync(held.Version!);

        Assert.NotNull(changes.Whole);
        Assert.Empty(changes.Products);
        Assert.Equal(SnapshotCalls.Comparable(await till.SnapshotAsync()), SnapshotCalls.Comparable(changes.Whole));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task SnapshotAndChanges_AreCompressedWhenTheTillAcceptsIt(string encoding)
    {
        var till = await fixture.EnrolTillAsync();
        var held = await till.SnapshotAsync();
        await fixture.Manager.UpsertProductsAsync([HqScenario.Product("COLA-750ML") with { Name = "Cola 750 ml " + encoding }]);

        using var noSince = await till.ChangesRawAsync(null, encoding);
        using var snapshot = await SnapshotRawAsync(till, encoding);
        using var changes = await till.ChangesRawAsync(held.Version, encoding);

        Assert.Equal(HttpStatusCode.BadRequest, noSince.StatusCode);
        var decodedSnapshot = JsonSerializer.Deserialize(await DecodeAsync(snapshot, encoding), TillSyncJsonContext.Default.TillSnapshot)!;
        Assert.Equal(SnapshotCalls.Comparable(await till.SnapshotAsync()), SnapshotCalls.Comparable(decodedSnapshot));
        var decodedChanges = JsonSerializer.Deserialize(await DecodeAsync(changes, encoding), TillSyncJsonContext.Default.SnapshotChanges)!;
        Assert.Equal("Cola 750 ml " + encoding, Assert.Single(decodedChanges.Products).Name);
    }

    private static ProductDto AsProduct(SnapshotProduct p, long costPaise) =>
        new(p.Sku, p.Name, p.Hsn, p.Unit, p.GstRateBp, p.PricePaise, costPaise, p.Barcode, p.MrpPaise, p.TaxInclusive);

    private static async Task<HttpResponseMessage> SnapshotRawAsync(TillClient till, string encoding)
    {
        using var client = till.Hq.CreateClient(till.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/till/snapshot", UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new(encoding));
        return await client.SendAsync(request);
    }

    private static async Task<byte[]> DecodeAsync(HttpResponseMessage response, string encoding)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoder = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        return decoded.ToArray();
    }

    // Applied to the snapshot held, the changes give what a whole snapshot read now gives, version included.
    private static async Task AssertAppliesAsync(TillClient till, TillSnapshot held, SnapshotChanges changes)
    {
        var whole = await till.SnapshotAsync();
        var applied = SnapshotMerge.Apply(held, changes);
        Assert.Equal(whole.Version, applied.Version);
        Assert.Equal(SnapshotCalls.Comparable(whole), SnapshotCalls.Comparable(applied));
    }
}
