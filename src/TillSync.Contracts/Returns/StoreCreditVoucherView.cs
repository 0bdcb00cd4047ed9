namespace TillSync.Contracts.Returns;

/// <summary>A store credit voucher as HQ knows it (<c>GET /api/v1/store-credit?code=</c>, docs/returns.md): issued by a
/// return refunded to store credit, coded with that return's credit note number, spent by sales' <c>store_credit</c>
/// payments naming the code.</summary>
/// <param name="Code">The voucher's code: the credit note number that issued it.</param>
/// <param name="Issued">True once HQ holds the return that issued it (a till may spend it offline before that arrives).</param>
/// <param name="IssuedPaise">What its credit note put on it, in paise; 0 until issued.</param>
/// <param name="SpentPaise">Σ of every spend HQ holds, in paise.</param>
/// <param name="BalancePaise">Issued less spent, in paise; below zero when overdrawn (a <c>store_credit_overdraft</c> item
/// is open or was resolved).</param>
/// <param name="Movements">Its history, in the order HQ recorded it.</param>
public sealed record StoreCreditVoucherView(
    string Code, bool Issued, long IssuedPaise, long SpentPaise, long BalancePaise, IReadOnlyList<StoreCreditMovementView> Movements);

/// <summary>One change of a voucher's balance.</summary>
/// <param name="Kind"><c>issue</c> (a return's store credit refund) or <c>spend</c> (a sale's store credit payment).</param>
/// <param name="AmountPaise">Signed paise: positive issued, negative spent.</param>
/// <param name="DocumentId">The return or sale.</param>
/// <param name="DocumentNo">Its credit note or bill number.</param>
/// <param name="StoreId">Its store.</param>
/// <param name="TillId">Its till.</param>
/// <param name="RecordedAt">When HQ recorded it.</param>
public sealed record StoreCreditMovementView(
    string Kind, long AmountPaise, Guid DocumentId, string DocumentNo, long StoreId, long TillId, DateTimeOffset RecordedAt);
