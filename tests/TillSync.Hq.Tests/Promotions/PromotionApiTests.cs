// Proves a manager runs promotions at HQ (issue 21 item 5): a create is audited, listed (paged, newest first) and reaches
// the till's snapshot and delta under a new pricing version; an end early takes it out of both; a retry with the same
// Idempotency-Key creates nothing twice; bad input is a 400 problem that changes nothing. Real HQ process and HTTP, on
// SQLite or PostgreSQL (TILLSYNC_TEST_STORE).
using System.Net;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Tills;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Promotions;

public sealed class PromotionApiTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Create_IsAuditedListed_AndReachesTheSnapshotAndTheDeltaUnderANewPricingVersion()
    {
        var till = await fixture.EnrolTillAsync();
        var held = await till.SnapshotAsync();

        var created = await fixture.Manager.CreatePromotionAsync(PromotionCalls.ScheduledPrice("Biscuit week", 8_000, HqScenario.InclusivePack));
        var changes = await till.ChangesAsync(held.Version!);
        var whole = await till.SnapshotAsync();

        Assert.Equal(("Biscuit week", PromotionKinds.ScheduledPrice, (long?)8_000, (DateTimeOffset?)null),
            (created.Name, created.Kind, created.PricePaise, created.EndedAt));
        Assert.Equal([HqScenario.InclusivePack], created.Skus);
        Assert.Contains(created, (await fixture.Manager.ListPromotionsAsync()).Items, PromotionComparer.Instance);
        Assert.Equal(held.PricingVersion + 1, whole.PricingVersion);
        Assert.Equal(held.PricingVersion + 1, changes.PricingVersion);
        Assert.Contains(created, whole.Promotions!, PromotionComparer.Instance);
        // The delta carries the promotions with the settings, and applied to the snapshot held gives the whole snapshot.
        Assert.Contains(created, changes.Settings!.Promotions!, PromotionComparer.Instance);
        AssertSameSnapshot(whole, SnapshotMerge.Apply(held, changes));
        var audit = (await fixture.Manager.AuditAsync("promotion.create"))[^1];
        Assert.Equal($"promotion {created.Id} 'Biscuit week' (scheduled_price) (pricing version {whole.PricingVersion})", audit.Detail);
    }

    [Fact]
    public async Task EndEarly_StaysInTheSnapshotAndTheDeltaWithItsEnd_ForReturns_AndASecondEndIsAConflict()
    {
        var till = await fixture.EnrolTillAsync();
        var created = await fixture.Manager.CreatePromotionAsync(PromotionCalls.BillValue("₹100 off ₹1,000", 100_000, offPaise: 10_000));
        var held = await till.SnapshotAsync();

        var ended = await fixture.Manager.EndPromotionAsync(created.Id);
        var changes = await till.ChangesAsync(held.Version!);
        var whole = await till.SnapshotAsync();
        using var again = await fixture.Manager.EndPromotionRawAsync(created.Id);
        using var unknown = await fixture.Manager.EndPromotionRawAsync(999_999);

        Assert.NotNull(ended.EndedAt);
        Assert.Contains(created.Id, held.Promotions!.Select(p => p.Id));
        // Kept, with its end, for the returns of the sales it priced (ADR 0023): the till no longer prices with it.
        Assert.Equal(ended.EndedAt, Assert.Single(whole.Promotions!, p => p.Id == created.Id).EndedAt);
        Assert.Equal(ended.EndedAt, Assert.Single(changes.Settings!.Promotions!, p => p.Id == created.Id).EndedAt);
        Assert.Equal(held.PricingVersion + 1, whole.PricingVersion);
        AssertSameSnapshot(whole, SnapshotMerge.Apply(held, changes));
        Assert.Contains("already over", await Responses.ExpectProblemAsync(again, HttpStatusCode.Conflict, fixture.Hq), StringComparison.Ordinal);
        Assert.Equal("There is no promotion 999999.", await Responses.ExpectProblemAsync(unknown, HttpStatusCode.NotFound, fixture.Hq));
        Assert.Equal(whole.PricingVersion, (await till.SnapshotAsync()).PricingVersion);
    }

    [Fact]
    public async Task SameIdempotencyKey_CreatesOnce()
    {
        var till = await fixture.EnrolTillAsync();
        var version = (await till.SnapshotAsync()).PricingVersion;
        var count = (await fixture.Manager.ListPromotionsAsync("limit=200")).Items.Count;
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(PromotionCalls.BuyGet("Soap 2 + 1", 2, 1, "SOAP-125G"), TillSyncJsonContext.Default.PromotionRequest);

        using var first = await fixture.Manager.CreatePromotionRawAsync(body, key);
        using var retry = await fixture.Manager.CreatePromotionRawAsync(body, key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retry.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(count + 1, (await fixture.Manager.ListPromotionsAsync("limit=200")).Items.Count);
        Assert.Equal(version + 1, (await till.SnapshotAsync()).PricingVersion);
    }

    [Fact]
    public async Task List_PagesNewestFirst()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await fixture.Manager.CreatePromotionAsync(PromotionCalls.ScheduledPrice($"Cola {i}", 3_500 - i, "COLA-750ML"))).Id);
        }

        var first = await fixture.Manager.ListPromotionsAsync("limit=2");
        var second = await fixture.Manager.ListPromotionsAsync($"limit=2&before={first.NextBefore}");

        Assert.Equal([ids[2], ids[1]], first.Items.Select(p => p.Id));
        Assert.Equal(ids[1], first.NextBefore);
        Assert.Equal(ids[0], second.Items[0].Id);
    }

    [Theory]
    [InlineData("""{"name":"x","kind":"scheduled_price","validFrom":"2030-01-02T00:00:00Z","validTo":"2030-01-01T00:00:00Z","skus":["COLA-750ML"],"pricePaise":100}""",
        "validFrom must be before validTo.")]
    [InlineData("""{"name":"x","kind":"scheduled_price","validFrom":"2020-01-01T00:00:00Z","validTo":"2020-01-02T00:00:00Z","skus":["COLA-750ML"],"pricePaise":100}""",
        "validTo must be in the future")]
    [InlineData("""{"name":"x","kind":"scheduled_price","validFrom":"2026-01-01T00:00:00Z","validTo":"2099-01-01T00:00:00Z","skus":["BISCUIT-800G"],"pricePaise":9001}""",
        "is above the MRP of 'BISCUIT-800G' (₹90.00)")]
    [InlineData("""{"name":"x","kind":"scheduled_price","validFrom":"2026-01-01T00:00:00Z","validTo":"2099-01-01T00:00:00Z","skus":["NO-SUCH-SKU"],"pricePaise":100}""",
        "there is no product 'NO-SUCH-SKU'")]
    [InlineData("""{"name":"x","kind":"buy_get","validFrom":"2026-01-01T00:00:00Z","validTo":"2099-01-01T00:00:00Z","skus":["SOAP-125G"],"buyQty":0,"getQty":1}""",
        "buyQty and getQty must each be 1 to 100.")]
    [InlineData("""{"name":"x","kind":"buy_get","validFrom":"2026-01-01T00:00:00Z","validTo":"2099-01-01T00:00:00Z","skus":["SOAP-125G"],"buyQty":2,"getQty":1,"pricePaise":5}""",
        "pricePaise do not belong to a buy_get promotion.")]
    [InlineData("""{"name":"x","kind":"bill_value","validFrom":"2026-01-01T00:00:00Z","validTo":"2099-01-01T00:00:00Z","thresholdPaise":100000}""",
        "Send one of offPaise")]
    [InlineData("""{"name":"x","kind":"bill_value","validFrom":"2026-01-01T00:00:00Z","validTo":"2099-01-01T00:00:00Z","thresholdPaise":100000,"offPaise":100001}""",
        "offPaise must be above 0 and at most thresholdPaise")]
    [InlineData("""{"name":"x","kind":"bill_value","validFrom":"2026-01-01T00:00:00Z","validTo":"2099-01-01T00:00:00Z","thresholdPaise":100000,"offPaise":10000,"capPaise":5000}""",
        "capPaise caps a percentage off only")]
    [InlineData("""{"name":"x","kind":"bill_value","validFrom":"2026-01-01T00:00:00Z","validTo":"2099-01-01T00:00:00Z","thresholdPaise":100000,"offBp":500,"skus":["SOAP-125G"]}""",
        "skus must be absent for a bill-value discount.")]
    [InlineData("""{"name":"","kind":"bill_value"}""", "name must be 1 to 80 printable characters")]
    [InlineData("""{"name":"x","kind":"half_price"}""", "kind must be one of scheduled_price, buy_get, bill_value.")]
    [InlineData("""{"name":"x","kind":"bill_value","storeId":999,"validFrom":"2026-01-01T00:00:00Z","validTo":"2099-01-01T00:00:00Z","thresholdPaise":100000,"offBp":500}""",
        "storeId: there is no store 999.")]
    public async Task BadPromotion_IsA400Problem_AndChangesNothing(string body, string sentence)
    {
        var till = await fixture.EnrolTillAsync();
        var version = (await till.SnapshotAsync()).PricingVersion;
        var count = (await fixture.Manager.ListPromotionsAsync("limit=200")).Items.Count;

        using var response = await fixture.Manager.CreatePromotionRawAsync(body);

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Contains(sentence, detail, StringComparison.Ordinal);
        Assert.Equal(count, (await fixture.Manager.ListPromotionsAsync("limit=200")).Items.Count);
        Assert.Equal(version, (await till.SnapshotAsync()).PricingVersion);
    }

    // Two snapshots hold the same thing: equal but for when HQ read them and its freshly signed statement.
    private static void AssertSameSnapshot(TillSnapshot expected, TillSnapshot actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(SnapshotCalls.Comparable(expected), SnapshotCalls.Comparable(actual));
    }

    // Promotions compare by value, their SKU lists by their items.
    private sealed class PromotionComparer : IEqualityComparer<PromotionDto>
    {
        public static PromotionComparer Instance { get; } = new();

        public bool Equals(PromotionDto? x, PromotionDto? y) =>
            x is not null && y is not null && x with { Skus = [] } == y with { Skus = [] } && x.Skus.SequenceEqual(y.Skus);

        public int GetHashCode(PromotionDto obj) => obj.Id.GetHashCode();
    }
}
