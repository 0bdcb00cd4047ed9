namespace TillSync.Hq.StoreCredit;

/// <summary>One row of <c>store_credit_movements</c>.</summary>
/// <param name="Code">The voucher's code.</param>
/// <param name="Kind"><see cref="StoreCreditVouchers.Issue"/> or <see cref="StoreCreditVouchers.Spend"/>.</param>
/// <param name="AmountPaise">Signed paise.</param>
/// <param name="DocumentId">The return or sale.</param>
/// <param name="DocumentNo">Its credit note or bill number.</param>
/// <param name="StoreId">Its store.</param>
/// <param name="TillId">Its till.</param>
/// <param name="At">When HQ recorded it.</param>
public sealed record VoucherMovement(string Code, string Kind, long AmountPaise, Guid DocumentId, string DocumentNo, long StoreId, long TillId, DateTimeOffset At);
