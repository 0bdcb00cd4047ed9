namespace TillSync.Contracts.Pricing;

/// <summary>How a promotion did (<c>GET /api/v1/promotions/{id}/report?from=&amp;to=</c>; docs/pricing.md, "How each promotion
/// did"): the bills that claimed it and the returns of them, in all, by store and by business day.</summary>
/// <param name="Promotion">The promotion.</param>
/// <param name="From">The first business day counted (yyyy-MM-dd, India Standard Time), or null for no limit.</param>
/// <param name="To">The last business day counted, or null for no limit.</param>
/// <param name="CountedSince">When HQ began keeping the report (its upgrade to schema 32): bills and returns HQ recorded
/// before then are not in it.</param>
/// <param name="Total">Every store and day together.</param>
/// <param name="Stores">Per store with any figure, by store id.</param>
/// <param name="Days">Per business day with any figure, oldest first: a sale counts on its day, a return on its own.</param>
public sealed record PromotionReport(
    PromotionDto Promotion, string? From, string? To, DateTimeOffset CountedSince, PromotionFigures Total,
    IReadOnlyList<PromotionStoreFigures> Stores, IReadOnlyList<PromotionDayFigures> Days);

/// <summary>One store's figures of a <see cref="PromotionReport"/>.</summary>
/// <param name="StoreId">HQ's store id.</param>
/// <param name="Figures">Its figures.</param>
public sealed record PromotionStoreFigures(long StoreId, PromotionFigures Figures);

/// <summary>One business day's figures of a <see cref="PromotionReport"/>.</summary>
/// <param name="Date">The day, yyyy-MM-dd (India Standard Time).</param>
/// <param name="Figures">Its figures.</param>
public sealed record PromotionDayFigures(string Date, PromotionFigures Figures);

/// <summary>What a promotion did. Money in paise: a saving is what customers paid less, GST included (on shelf prices, the
/// promotion's own amount); revenue is before GST.</summary>
/// <param name="Bills">Committed bills that claimed it.</param>
/// <param name="Lines">Their lines it priced (every line of a bill, for a bill-value discount).</param>
/// <param name="UnitsSold">The units on those lines.</param>
/// <param name="UnitsFree">The units it gave free (buy-N-get-M).</param>
/// <param name="SavingPaise">What it took off those bills.</param>
/// <param name="CreditNotes">Credit notes that took back units of those lines or part of its saving.</param>
/// <param name="UnitsReturned">The units they took back.</param>
/// <param name="SavingReturnedPaise">The saving on the units returned, pro rata: it went back with the goods.</param>
/// <param name="TakenBackPaise">What returns took back of the saving because the goods kept no longer earned it (ADR 0023;
/// a later return may give part back).</param>
/// <param name="NetSavingPaise">The saving the goods customers kept still have: saving − returned − taken back.</param>
/// <param name="NetSalesPaise">What customers paid for the lines it priced less what the credit notes refunded for them,
/// GST included.</param>
/// <param name="NetRevenuePaise">The same before GST: the promoted lines' taxable value less that of their refunds.</param>
public sealed record PromotionFigures(
    long Bills, long Lines, decimal UnitsSold, decimal UnitsFree, long SavingPaise, long CreditNotes, decimal UnitsReturned, long SavingReturnedPaise,
    long TakenBackPaise, long NetSavingPaise, long NetSalesPaise, long NetRevenuePaise);
