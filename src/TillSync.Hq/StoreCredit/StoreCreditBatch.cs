using System.Globalization;
using TillSync.Core;
using TillSync.Hq.Reviews;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.StoreCredit;

/// <summary>The store credit step of a sync batch (docs/returns.md, "Store credit"): the kinds name the vouchers their new
/// documents issue or spend (<see cref="Need"/>); before any document is decided the step locks those codes (advisory
/// locks on PostgreSQL, in one global order, so that two tills spending one voucher serialise) and reads each voucher's
/// movements. In <c>tillSeq</c> order a return issues its voucher (<see cref="Issue"/>) and a sale spends one
/// (<see cref="Spend"/>); a spend is never refused, since the till already took it. A voucher HQ has seen issued whose
/// balance falls below zero gets one open <c>store_credit_overdraft</c> item naming every spend.</summary>
public sealed class StoreCreditBatch : IBatchStep
{
    private static readonly Column<VoucherMovement>[] MovementColumns =
    [
        new("voucher_code", r => r.Code), new("kind", r => r.Kind), new("amount_paise", r => r.AmountPaise),
        new("document_id", r => r.DocumentId.ToString("D")), new("document_no", r => r.DocumentNo), new("store_id", r => r.StoreId),
        new("till_id", r => r.TillId), new("created_at", r => StoredTime.Text(r.At)),
    ];

    private readonly SortedSet<string> _needed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<VoucherMovement>> _movementsByCode = new(StringComparer.Ordinal);
    private readonly List<VoucherMovement> _added = [];
    private readonly SortedSet<string> _overdrawn = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Unshared;

    /// <summary>Notes voucher codes the batch's documents issue or spend.</summary>
    public void Need(IEnumerable<string> codes) => _needed.UnionWith(codes);

    /// <inheritdoc />
    public async Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        if (_needed.Count == 0)
        {
            return;
        }

        await batch.Engine.LockKeysAsync(batch.Connection, batch.Transaction, _needed.Select(LockKey), cancellationToken);
        var stored = await batch.Engine.ListWhereInAsync(batch.Connection, batch.Transaction,
            $"SELECT {StoreCreditVouchers.MovementSelect} FROM store_credit_movements WHERE voucher_code IN ({{list}}) ORDER BY movement_id",
            _needed.Cast<object>(), [], StoreCreditVouchers.ReadMovement, cancellationToken);
        foreach (var movement in stored)
        {
            MovementsOf(movement.Code).Add(movement);
        }
    }

    /// <summary>A committed return refunded <paramref name="amountPaise"/> to store credit: its voucher, coded with its credit
    /// note number, is issued. Spends that came first may already exceed it.</summary>
    public void Issue(SyncBatch batch, Guid returnId, string creditNoteNo, long amountPaise) =>
        Add(new VoucherMovement(creditNoteNo, StoreCreditVouchers.Issue, amountPaise, returnId, creditNoteNo, batch.Till.StoreId, batch.Till.TillId, batch.Now));

    /// <summary>A committed sale spent <paramref name="amountPaise"/> of voucher <paramref name="code"/>. Returns true when the
    /// voucher is issued and this spend took its balance below zero (the sale is flagged <c>store_credit_overdraft</c>).</summary>
    public bool Spend(SyncBatch batch, Guid saleId, string billNo, string code, long amountPaise)
    {
        Invariant.Assert(amountPaise > 0);
        Add(new VoucherMovement(code, StoreCreditVouchers.Spend, -amountPaise, saleId, billNo, batch.Till.StoreId, batch.Till.TillId, batch.Now));
        var movements = MovementsOf(code);
        return movements.Exists(m => m.Kind == StoreCreditVouchers.Issue) && StoreCreditVouchers.BalancePaise(movements) < 0;
    }

    /// <inheritdoc />
    public async Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        var rows = batch.Engine.Rows("store_credit_movements", MovementColumns);
        _added.ForEach(rows.Add);
        await rows.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
        foreach (var code in _overdrawn)
        {
            await UpsertOverdraftAsync(batch, MovementsOf(code), cancellationToken);
        }
    }

    /// <summary>The advisory lock key of a voucher code (a hash: a collision only makes two batches queue).</summary>
    public static long LockKey(string code) =>
        BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("store_credit:" + code)), 0);

    // One movement per document and voucher: a sale paying twice from one voucher spends the sum.
    private void Add(VoucherMovement movement)
    {
        var movements = MovementsOf(movement.Code);
        var same = _added.FindIndex(m => m.DocumentId == movement.DocumentId && m.Code == movement.Code && m.Kind == movement.Kind);
        if (same >= 0)
        {
            var merged = _added[same] with { AmountPaise = checked(_added[same].AmountPaise + movement.AmountPaise) };
            movements[movements.IndexOf(_added[same])] = merged;
            _added[same] = merged;
        }
        else
        {
            movements.Add(movement);
            _added.Add(movement);
        }

        if (movements.Exists(m => m.Kind == StoreCreditVouchers.Issue) && StoreCreditVouchers.BalancePaise(movements) < 0)
        {
            _overdrawn.Add(movement.Code);
        }
    }

    private static Task<int> UpsertOverdraftAsync(SyncBatch batch, List<VoucherMovement> movements, CancellationToken cancellationToken)
    {
        var issue = movements.Single(m => m.Kind == StoreCreditVouchers.Issue);
        var spends = string.Join(", ", movements.Where(m => m.Kind == StoreCreditVouchers.Spend)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.DocumentNo} (₹{-m.AmountPaise / 100m:0.00})")));
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"Voucher {issue.Code} was issued for ₹{issue.AmountPaise / 100m:0.00} and spent on bills {spends}: ₹{-StoreCreditVouchers.BalancePaise(movements) / 100m:0.00} more than issued.");
        return batch.Connection.Command("""
            INSERT INTO review_items (kind, status, store_id, till_id, client_order_id, bill_no, detail, created_at)
            VALUES (@kind, @open, @store, @till, @return, @code, @detail, @at)
            ON CONFLICT (client_order_id) WHERE kind = 'store_credit_overdraft' AND status = 'open' DO UPDATE SET detail = excluded.detail
            """, batch.Transaction)
            .With("@kind", ReviewItems.StoreCreditOverdraft).With("@open", ReviewItems.Open).With("@store", batch.Till.StoreId)
            .With("@till", batch.Till.TillId).With("@return", issue.DocumentId.ToString("D")).With("@code", issue.Code).With("@detail", detail)
            .With("@at", StoredTime.Text(batch.Now))
            .ExecuteAsync(cancellationToken);
    }

    private List<VoucherMovement> MovementsOf(string code)
    {
        if (!_movementsByCode.TryGetValue(code, out var movements))
        {
            _movementsByCode[code] = movements = [];
        }

        return movements;
    }
}
