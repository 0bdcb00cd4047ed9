using TillSync.Contracts.Sync;
using TillSync.Till.Loyalty;
using TillSync.Till.Receipts;

namespace TillSync.Till.Sales;

/// <summary>A sale priced and checked but not yet paid: what <see cref="SaleRecorder"/> knows before the tenders, so that
/// an exchange can net the return's refund against the total before the sale is written.</summary>
/// <param name="Customer">The cleaned customer, or null.</param>
/// <param name="Quote">The priced cart.</param>
/// <param name="Lines">The order lines.</param>
/// <param name="Loyalty">Points earned and burned.</param>
/// <param name="PricedAt">When the till priced it, by its clock: the sale's <c>createdAt</c>, at which its promotions were in
/// force.</param>
/// <param name="Approval">A supervisor's or manager's approval of the markdowns, or null (docs/pricing.md).</param>
public sealed record SaleDraft(
    CustomerDto? Customer, Quote Quote, IReadOnlyList<OrderLineDto> Lines, LoyaltyPlan Loyalty, DateTimeOffset PricedAt, ApprovalDto? Approval = null)
{
    /// <summary>What the customer's tenders (and an exchange's credit) must cover: the total less the loyalty burn.</summary>
    public long DuePaise => Quote.Totals.TotalPaise - Loyalty.BurnPaise;
}
