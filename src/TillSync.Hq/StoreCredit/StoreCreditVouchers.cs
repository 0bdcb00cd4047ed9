using System.Data.Common;
using TillSync.Contracts.Returns;
using TillSync.Storage;

namespace TillSync.Hq.StoreCredit;

/// <summary>Store credit vouchers as rows (<c>store_credit_movements</c>, migration 0013): the movement kinds, how a
/// movement is read, a voucher's balance, and the voucher as the API shows it.</summary>
public static class StoreCreditVouchers
{
    /// <summary>A return's store credit refund put on the voucher (positive).</summary>
    public const string Issue = "issue";

    /// <summary>A sale's store credit payment taken off it (negative).</summary>
    public const string Spend = "spend";

    /// <summary>The columns <see cref="ReadMovement"/> reads, in its order.</summary>
    public const string MovementSelect = "voucher_code, kind, amount_paise, document_id, document_no, store_id, till_id, created_at";

    /// <summary>A movement from a row selected as <see cref="MovementSelect"/>.</summary>
    public static VoucherMovement ReadMovement(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt64(2), Guid.Parse(r.GetString(3)), r.GetString(4), r.GetInt64(5), r.GetInt64(6),
            StoredTime.Parse(r.GetString(7)));

    /// <summary>Issued less spent.</summary>
    public static long BalancePaise(IEnumerable<VoucherMovement> movements) => movements.Aggregate(0L, (sum, m) => checked(sum + m.AmountPaise));

    /// <summary>The voucher <paramref name="code"/>, or null when HQ has no movement of it.</summary>
    public static async Task<StoreCreditVoucherView?> FindAsync(DbConnection connection, string code, CancellationToken cancellationToken)
    {
        var movements = await connection.Command($"SELECT {MovementSelect} FROM store_credit_movements WHERE voucher_code = @code ORDER BY movement_id")
            .With("@code", code).ListAsync(ReadMovement, cancellationToken);
        if (movements.Count == 0)
        {
            return null;
        }

        var issuedPaise = movements.Where(m => m.Kind == Issue).Sum(m => m.AmountPaise);
        var spentPaise = -movements.Where(m => m.Kind == Spend).Sum(m => m.AmountPaise);
        return new StoreCreditVoucherView(code, movements.Exists(m => m.Kind == Issue), issuedPaise, spentPaise, BalancePaise(movements),
            [.. movements.Select(m => new StoreCreditMovementView(m.Kind, m.AmountPaise, m.DocumentId, m.DocumentNo, m.StoreId, m.TillId, m.At))]);
    }
}
