using System.Globalization;
using System.Text.Json;
using TillSync.Storage;
using TillSync.Till.Receipts;
using TillSync.Till.Storage;
using TillSync.Till.Web;

namespace TillSync.Till.Sales;

/// <summary>The till's own sales as the cashier sees them: recent bills and their receipts, as printed, with what HQ
/// reported since laid over them.</summary>
public sealed class SaleReceipts(TillDatabase database)
{
    /// <summary>The most recent sales, newest first; with <paramref name="beforeSeq"/>, those older than it (the next page);
    /// with <paramref name="billNoPart"/>, only bills whose number contains it.</summary>
    public async Task<List<SaleSummary>> RecentAsync(int limit, long? beforeSeq, string? billNoPart, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var pattern = "%" + (billNoPart ?? "").Trim().ToUpperInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return await connection.Command("""
                SELECT d.document_id, s.till_seq, d.number, d.created_at, d.total_paise, d.sync_state FROM sales s
                JOIN documents d ON d.till_seq = s.till_seq
                WHERE s.till_seq < @before AND d.number LIKE @pattern ESCAPE '\' ORDER BY s.till_seq DESC LIMIT @limit
                """)
            .With("@limit", limit).With("@before", beforeSeq ?? long.MaxValue).With("@pattern", pattern)
            .ListAsync(r => new SaleSummary(Guid.Parse(r.GetString(0)), r.GetInt64(1), r.GetString(2), StoredTime.Parse(r.GetString(3)),
                r.GetInt64(4), r.GetString(5)), cancellationToken);
    }

    /// <summary>The stored receipt of a sale with its current sync state, or null.</summary>
    public async Task<Receipt?> ReceiptAsync(Guid clientOrderId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.Command("""
            SELECT s.receipt_json, d.sync_state, i.irn, i.ack_no, i.ack_dt, i.signed_qr,
              EXISTS (SELECT 1 FROM hq_updates u WHERE u.client_order_id = d.document_id AND u.kind = 'einvoice_failed'),
              EXISTS (SELECT 1 FROM hq_updates u WHERE u.client_order_id = d.document_id AND u.kind = 'irn_cancelled')
            FROM documents d JOIN sales s ON s.till_seq = d.till_seq
              LEFT JOIN sale_irns i ON i.client_order_id = d.document_id WHERE d.document_id = @id
            """)
            .With("@id", clientOrderId.ToString("D"))
            .FirstOrDefaultAsync(r => (Json: r.GetString(0), State: r.GetString(1),
                Registered: r.IsDBNull(2) ? null
                    : new IrnInfo(r.GetInt64(7) == 1 ? IrnStatuses.Cancelled : IrnStatuses.Registered, r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)),
                Parked: r.GetInt64(6) == 1), cancellationToken);
        if (row.Json is null)
        {
            return null;
        }

        // The stored receipt says what was printed ("pending" for B2B); what HQ reported since is laid over it.
        var receipt = JsonSerializer.Deserialize(row.Json, TillJsonContext.Default.Receipt)! with { SyncState = row.State };
        return receipt.Irn.Status == IrnStatuses.NotApplicable ? receipt
            : row.Registered is { } registered ? receipt with { Irn = registered }
            : row.Parked ? receipt with { Irn = receipt.Irn with { Status = IrnStatuses.NeedsAttention } }
            : receipt;
    }

    /// <summary>How many sales the till has recorded in all.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Convert.ToInt64(await connection.Command("SELECT COUNT(*) FROM sales").ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
