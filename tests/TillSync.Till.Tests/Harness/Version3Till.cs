// A till.db as tillsync version 3 wrote it (before till documents), built with version 3's own schema script
// (Storage/till-schema-v3.sql, kept verbatim): the file an upgraded till starts from.
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Core.Orders;
using TillSync.Storage;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Web;

namespace TillSync.Till.Tests.Harness;

/// <summary>Old till files.</summary>
public static class Version3Till
{
    /// <summary>Writes a till.db as version 3 left it in <paramref name="dataDir"/>: its schema script, a snapshot of
    /// <paramref name="snapshot"/>'s till (LocalTill's by default) and its counter, and one sale of rice per state, sold a
    /// minute apart from <paramref name="soldAt"/>, bill number = tillSeq. Returns each sale's order JSON as stored.</summary>
    public static async Task<List<(string OrderJson, OrderDto Order)>> WriteAsync(
        string dataDir, DateTimeOffset soldAt, IReadOnlyList<string> states, TillSnapshot? snapshot = null)
    {
        var sales = new List<(string, OrderDto)>();
        snapshot ??= LocalTill.Snapshot(1, soldAt);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "till.db")};Pooling=False");
        await connection.OpenAsync();
        await connection.Command("PRAGMA journal_mode = WAL").ExecuteAsync(CancellationToken.None);
        await connection.Command(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Storage", "till-schema-v3.sql"))).ExecuteAsync(CancellationToken.None);
        await connection.Command("PRAGMA user_version = 3").ExecuteAsync(CancellationToken.None);
        await connection.Command("INSERT INTO snapshot (id, taken_at, body_json) VALUES (1, @at, @body)")
            .With("@at", StoredTime.Text(soldAt)).With("@body", JsonSerializer.Serialize(snapshot, TillSyncJsonContext.Default.TillSnapshot))
            .ExecuteAsync(CancellationToken.None);
        await connection.Command("INSERT INTO counter (id, last_seq) VALUES (1, @last)").With("@last", (long)states.Count).ExecuteAsync(CancellationToken.None);
        for (var seq = 1; seq <= states.Count; seq++)
        {
            var lines = Carts.ExpectedLines([new CartLine("RICE-5KG", seq)]).ToList();
            var totals = Carts.ExpectedTotals([new CartLine("RICE-5KG", seq)]);
            var createdAt = soldAt.AddMinutes(seq);
            var order = new OrderDto(Guid.CreateVersion7(createdAt), seq, BillNumber.Format(snapshot.BillPrefix, createdAt, seq), createdAt, lines,
                [new PaymentDto(PaymentMethods.Cash, totals.TotalPaise)], totals);
            var orderJson = JsonSerializer.Serialize(order, TillSyncJsonContext.Default.OrderDto);
            var receipt = new Receipt(order.ClientOrderId, seq, order.BillNo, createdAt, snapshot.TillName, snapshot.Store.Details, null, false,
                new IrnInfo(IrnStatuses.NotApplicable), "intra", [], [], totals, order.Payments, totals.TotalPaise, 0, SyncStates.Pending);
            await connection.Command("""
                INSERT INTO sales (till_seq, client_order_id, bill_no, created_at, total_paise, order_json, receipt_json, sync_state, sync_reason)
                VALUES (@seq, @id, @bill, @at, @total, @order, @receipt, @state, @reason)
                """)
                .With("@seq", seq).With("@id", order.ClientOrderId.ToString("D")).With("@bill", order.BillNo).With("@at", StoredTime.Text(createdAt))
                .With("@total", totals.TotalPaise).With("@order", orderJson)
                .With("@receipt", WithoutReceiptCode(JsonSerializer.Serialize(receipt, TillJsonContext.Default.Receipt)))
                .With("@state", states[seq - 1]).With("@reason", states[seq - 1] == SyncStates.Conflict ? SyncReasons.SeqReused : null)
                .ExecuteAsync(CancellationToken.None);
            sales.Add((orderJson, order));
        }

        return sales;
    }

    // Version 3's receipts had no receipt code at all.
    private static string WithoutReceiptCode(string receiptJson)
    {
        var tree = System.Text.Json.Nodes.JsonNode.Parse(receiptJson)!.AsObject();
        Assert.True(tree.Remove("receiptCode"));
        return tree.ToJsonString();
    }
}
