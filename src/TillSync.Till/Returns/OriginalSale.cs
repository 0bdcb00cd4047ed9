using TillSync.Contracts.Sync;

namespace TillSync.Till.Returns;

/// <summary>The sale goods come back from, as the returning till knows it (<c>POST /api/returns/lookup</c>).</summary>
/// <param name="SaleId">Its <c>clientOrderId</c>.</param>
/// <param name="BillNo">Its bill number.</param>
/// <param name="CreatedAt">When it was sold.</param>
/// <param name="TillId">HQ's id of the till that sold it.</param>
/// <param name="TotalPaise">Its total.</param>
/// <param name="SupplyKind"><c>intra</c> or <c>inter</c>, as the sale was taxed.</param>
/// <param name="Customer">Its buyer, or null.</param>
/// <param name="EarnPoints">Loyalty points it earned.</param>
/// <param name="BurnPoints">Loyalty points it burned.</param>
/// <param name="Payments">Its tenders.</param>
/// <param name="Lines">Its lines, with what this till knows was already returned.</param>
/// <param name="Source">How this till knows it: <c>local</c>, <c>receipt_code</c> or <c>hq</c> (<c>ReturnSources</c>).</param>
/// <param name="ReceiptCode">The scanned code, when the source is <c>receipt_code</c>.</param>
/// <param name="BillPromotion">The bill-value promotion the sale claimed, or null.</param>
public sealed record OriginalSale(
    Guid SaleId, string BillNo, DateTimeOffset CreatedAt, long TillId, long TotalPaise, string SupplyKind, CustomerDto? Customer,
    long EarnPoints, long BurnPoints, IReadOnlyList<PaymentDto> Payments, IReadOnlyList<OriginalLine> Lines, string Source, string? ReceiptCode,
    Contracts.Pricing.BillPromotionDto? BillPromotion = null);
