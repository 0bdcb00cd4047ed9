using System.Text.Json.Serialization;

namespace TillSync.Contracts.Pricing;

/// <summary>A promotion as HQ lists it and a till's snapshot carries it (docs/pricing.md, "Promotions"). Money in paise,
/// inclusive of GST as shelf prices are.</summary>
/// <param name="Id">HQ's promotion id.</param>
/// <param name="Name">What the receipt and the cashier's page print, 1 to 80 characters.</param>
/// <param name="Kind"><c>scheduled_price</c>, <c>buy_get</c> or <c>bill_value</c> (<see cref="PromotionKinds"/>).</param>
/// <param name="StoreId">The one store it runs in, or null (always written) for every store.</param>
/// <param name="ValidFrom">The first instant it is in force.</param>
/// <param name="ValidTo">The first instant it is no longer in force, as created.</param>
/// <param name="Skus">The products a scheduled price or buy-N-get-M applies to (1 to 50); empty for a bill-value discount.</param>
/// <param name="PricePaise">A scheduled price's price per unit, above 0 and never above a product's MRP.</param>
/// <param name="BuyQty">Buy-N-get-M's N, 1 to 100.</param>
/// <param name="GetQty">Buy-N-get-M's M, 1 to 100.</param>
/// <param name="ThresholdPaise">A bill-value discount's least bill, above 0.</param>
/// <param name="OffPaise">A bill-value discount's amount off, above 0 and at most the threshold; or null with
/// <paramref name="OffBp"/>.</param>
/// <param name="OffBp">A bill-value discount's percentage off in basis points, 1 to 10,000; or null with
/// <paramref name="OffPaise"/>.</param>
/// <param name="CapPaise">The most a percentage bill-value discount takes off, above 0; null for no cap.</param>
/// <param name="EndedAt">When a manager ended it early, or null; it is in force before this instant only.</param>
public sealed record PromotionDto(
    long Id, string Name, string Kind, long? StoreId, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, IReadOnlyList<string> Skus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? PricePaise = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? BuyQty = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? GetQty = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ThresholdPaise = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? OffPaise = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? OffBp = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? CapPaise = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? EndedAt = null);

/// <summary>A new promotion (<c>POST /api/v1/promotions</c>, with an <c>Idempotency-Key</c>); fields as in
/// <see cref="PromotionDto"/>, those of other kinds left out.</summary>
public sealed record PromotionRequest(
    string? Name = null, string? Kind = null, long? StoreId = null, DateTimeOffset? ValidFrom = null, DateTimeOffset? ValidTo = null,
    IReadOnlyList<string>? Skus = null,
    long? PricePaise = null, int? BuyQty = null, int? GetQty = null, long? ThresholdPaise = null, long? OffPaise = null, int? OffBp = null,
    long? CapPaise = null);

/// <summary>A page of promotions, newest first (<c>GET /api/v1/promotions?before=&amp;limit=&amp;current=</c>).</summary>
/// <param name="Items">Up to <c>limit</c> promotions with ids below <c>before</c>.</param>
/// <param name="NextBefore">Pass as <c>before</c> for the next page; null on the last page.</param>
public sealed record PromotionPage(IReadOnlyList<PromotionDto> Items, long? NextBefore);

/// <summary>The bill-value promotion a sale applied: its id and what it took off, spread over the lines' discounts.</summary>
/// <param name="PromotionId">HQ's promotion id.</param>
/// <param name="AmountPaise">What it took off the bill, above 0.</param>
public sealed record BillPromotionDto(long PromotionId, long AmountPaise);

/// <summary>The wire's and the database's names of the promotion kinds, in one place.</summary>
public static class PromotionKinds
{
    /// <summary>A product's promotional price, from–to.</summary>
    public const string ScheduledPrice = "scheduled_price";

    /// <summary>Buy N, get M free.</summary>
    public const string BuyGet = "buy_get";

    /// <summary>An amount or percentage off a bill of a threshold or more.</summary>
    public const string BillValue = "bill_value";

    /// <summary>Every kind.</summary>
    public static readonly IReadOnlyList<string> All = [ScheduledPrice, BuyGet, BillValue];
}
