using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Till.Receipts;

namespace TillSync.Till.Returns;

/// <summary>The money of a return (<c>POST /api/returns/quote</c>, and the body of a credit note).</summary>
/// <param name="SupplyKind"><c>intra</c> or <c>inter</c>, as the original sale was taxed.</param>
/// <param name="Lines">The lines taken back, each refunded pro rata.</param>
/// <param name="GstSummary">Tax refunded by rate.</param>
/// <param name="Totals">The refund's totals, rounded to the rupee.</param>
/// <param name="Refunds">How the money goes back.</param>
/// <param name="Loyalty">Points taken back and given back, or null.</param>
public sealed record ReturnQuote(
    string SupplyKind, IReadOnlyList<CreditNoteLine> Lines, IReadOnlyList<GstRateSummary> GstSummary, OrderTotalsDto Totals,
    IReadOnlyList<RefundDto> Refunds, ReturnLoyaltyDto? Loyalty);
