using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Storage;

namespace TillSync.Hq.Shifts;

/// <summary>Committed shift and cash documents as rows by name (<c>shift_opens</c>, <c>cash_movements</c>,
/// <c>shift_closes</c>, migration 0014).</summary>
public static class ShiftRows
{
    /// <summary>The columns of <c>shift_opens</c>.</summary>
    public static readonly Column<Open>[] OpenColumns =
    [
        new("document_id", r => r.Where.DocumentId.ToString("D")),
        new("store_id", r => r.Where.StoreId),
        new("till_id", r => r.Where.TillId),
        new("till_seq", r => r.Where.TillSeq),
        new("opened_at", r => StoredTime.Text(r.Shift.OpenedAt)),
        new("cashier_id", r => r.Shift.CashierId),
        new("float_paise", r => Denominations.TotalPaise(r.Shift.FloatCounted)),
        new("float_json", r => JsonSerializer.Serialize(r.Shift.FloatCounted, TillSyncJsonContext.Default.IReadOnlyListDenominationCountDto)),
        new("committed_at", r => StoredTime.Text(r.Where.CommittedAt)),
    ];

    /// <summary>The columns of <c>cash_movements</c>.</summary>
    public static readonly Column<Movement>[] MovementColumns =
    [
        new("document_id", r => r.Where.DocumentId.ToString("D")),
        new("shift_id", r => r.Cash.ShiftId.ToString("D")),
        new("store_id", r => r.Where.StoreId),
        new("till_id", r => r.Where.TillId),
        new("till_seq", r => r.Where.TillSeq),
        new("moved_at", r => StoredTime.Text(r.Cash.At)),
        new("direction", r => r.Cash.Direction),
        new("reason", r => r.Cash.Reason),
        new("amount_paise", r => r.Cash.AmountPaise),
        new("cashier_id", r => r.Cash.CashierId),
        new("note", r => r.Cash.Note),
        new("committed_at", r => StoredTime.Text(r.Where.CommittedAt)),
    ];

    /// <summary>The columns of <c>shift_closes</c>.</summary>
    public static readonly Column<Close>[] CloseColumns =
    [
        new("document_id", r => r.Where.DocumentId.ToString("D")),
        new("shift_id", r => r.Shift.ShiftId.ToString("D")),
        new("store_id", r => r.Where.StoreId),
        new("till_id", r => r.Where.TillId),
        new("till_seq", r => r.Where.TillSeq),
        new("z_number", r => r.Shift.ZNumber),
        new("closed_at", r => StoredTime.Text(r.Shift.ClosedAt)),
        new("cashier_id", r => r.Shift.CashierId),
        new("counted_cash_paise", r => Denominations.TotalPaise(r.Shift.CashCounted)),
        new("counted_json", r => JsonSerializer.Serialize(r.Shift.CashCounted, TillSyncJsonContext.Default.IReadOnlyListDenominationCountDto)),
        new("card_slips_paise", r => r.Shift.CardSlipsPaise),
        new("upi_slips_paise", r => r.Shift.UpiSlipsPaise),
        new("expected_json", r => JsonSerializer.Serialize(r.Shift.Expected, TillSyncJsonContext.Default.ShiftExpectedDto)),
        new("expected_cash_paise", r => r.Shift.Expected.CashPaise),
        new("cash_variance_paise", r => CashVariancePaise(r.Shift)),
        new("committed_at", r => StoredTime.Text(r.Where.CommittedAt)),
    ];

    /// <summary>Counted cash less expected cash: below 0 short, above 0 over.</summary>
    public static long CashVariancePaise(ShiftCloseDto close) => checked(Denominations.TotalPaise(close.CashCounted) - close.Expected.CashPaise);

    /// <summary>Which document of which till, and when HQ committed it.</summary>
    public sealed record Where(Guid DocumentId, long StoreId, long TillId, long TillSeq, DateTimeOffset CommittedAt);

    /// <summary>A committed shift opening.</summary>
    public sealed record Open(Where Where, ShiftOpenDto Shift);

    /// <summary>A committed cash movement.</summary>
    public sealed record Movement(Where Where, CashMovementDto Cash);

    /// <summary>A committed shift close.</summary>
    public sealed record Close(Where Where, ShiftCloseDto Shift);
}
