// till.db files as older tillsync versions wrote them, built with each version's own schema script (Storage/till-schema-v3.sql
// and till-schema-v7.sql, kept verbatim): the files an upgraded till starts from.
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
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
public static class OldTills
{
    /// <summary>Writes a till.db as version 3 left it in <paramref name="dataDir"/> (before till documents): its schema
    /// script, a snapshot of <paramref name="snapshot"/>'s till (LocalTill's by default) and its counter, and one sale of rice
    /// per state, sold a minute apart from <paramref name="soldAt"/>, bill number = tillSeq. Returns each sale's order JSON
    /// as stored.</summary>
    public static async Task<List<(string OrderJson, OrderDto Order)>> Version3Async(
        string dataDir, DateTimeOffset soldAt, IReadOnlyList<string> states, TillSnapshot? snapshot = null)
    {
        var sales = new List<(string, OrderDto)>();
        snapshot ??= LocalTill.Snapshot(1, soldAt);
        await using var connection = await CreateAsync(dataDir, 3, snapshot, soldAt);
        await connection.Command("INSERT INTO counter (id, last_seq) VALUES (1, @last)").With("@last", (long)states.Count).ExecuteAsync(CancellationToken.None);
        for (var seq = 1; seq <= states.Count; seq++)
        {
            var (order, orderJson, receiptJson) = Sale(snapshot, soldAt, seq, seq);
            await connection.Command("""
                INSERT INTO sales (till_seq, client_order_id, bill_no, created_at, total_paise, order_json, receipt_json, sync_state, sync_reason)
                VALUES (@seq, @id, @bill, @at, @total, @order, @receipt, @state, @reason)
                """)
                .With("@seq", seq).With("@id", order.ClientOrderId.ToString("D")).With("@bill", order.BillNo).With("@at", StoredTime.Text(order.CreatedAt))
                .With("@total", order.Totals.TotalPaise).With("@order", orderJson).With("@receipt", WithoutReceiptCode(receiptJson))
                .With("@state", states[seq - 1]).With("@reason", states[seq - 1] == SyncStates.Conflict ? SyncReasons.SeqReused : null)
                .ExecuteAsync(CancellationToken.None);
            sales.Add((orderJson, order));
        }

        return sales;
    }

    /// <summary>Writes a till.db as version 7 left it in <paramref name="dataDir"/>: its schema script, a snapshot of
    /// LocalTill's till, one sale document of rice per state with its receipt (sales with their own id and bill number),
    /// the tillSeq in <c>counter</c> at the last sale, and in <c>printed_counters</c> the bill series at
    /// <paramref name="lastBill"/> (bills numbered up to it, the last sales') and this year's credit notes at
    /// <paramref name="lastCreditNote"/>. Returns the sales.</summary>
    public static async Task<List<OrderDto>> Version7Async(
        string dataDir, DateTimeOffset soldAt, IReadOnlyList<string> states, long lastBill, long lastCreditNote)
    {
        var snapshot = LocalTill.Snapshot(1, soldAt);
        var sales = new List<OrderDto>();
        await using var connection = await CreateAsync(dataDir, 7, snapshot, soldAt);
        await connection.Command("INSERT INTO counter (id, last_seq) VALUES (1, @last)").With("@last", (long)states.Count).ExecuteAsync(CancellationToken.None);
        await connection.Command("INSERT INTO printed_counters (series, last_number) VALUES (@bill, @lastBill), (@creditNote, @lastCreditNote)")
            .With("@bill", PrintedSeries.Bill).With("@lastBill", lastBill)
            .With("@creditNote", PrintedSeries.CreditNote(soldAt)).With("@lastCreditNote", lastCreditNote).ExecuteAsync(CancellationToken.None);
        for (var seq = 1; seq <= states.Count; seq++)
        {
            var (order, _, receiptJson) = Sale(snapshot, soldAt, seq, lastBill - states.Count + seq);
            var body = StoredDocument.Json(new TillDocumentDto(DocumentKinds.Sale, order.ClientOrderId, seq, Sale: order));
            await connection.Command("""
                INSERT INTO documents (till_seq, document_id, kind, number, created_at, total_paise, body_json, body_sha256, sync_state)
                VALUES (@seq, @id, 'sale', @bill, @at, @total, @body, @sha, @state)
                """)
                .With("@seq", seq).With("@id", order.ClientOrderId.ToString("D")).With("@bill", order.BillNo).With("@at", StoredTime.Text(order.CreatedAt))
                .With("@total", order.Totals.TotalPaise).With("@body", body).With("@sha", StoredDocument.Checksum(body)).With("@state", states[seq - 1])
                .ExecuteAsync(CancellationToken.None);
            await connection.Command("INSERT INTO sales (till_seq, client_order_id, bill_no, receipt_json) VALUES (@seq, @id, @bill, @receipt)")
                .With("@seq", seq).With("@id", order.ClientOrderId.ToString("D")).With("@bill", order.BillNo).With("@receipt", receiptJson)
                .ExecuteAsync(CancellationToken.None);
            sales.Add(order);
        }

        return sales;
    }

    private static async Task<SqliteConnection> CreateAsync(string dataDir, int version, TillSnapshot snapshot, DateTimeOffset takenAt)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "till.db")};Pooling=False");
        await connection.OpenAsync();
        await connection.Command("PRAGMA journal_mode = WAL").ExecuteAsync(CancellationToken.None);
        await connection.Command(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Storage", $"till-schema-v{version}.sql")))
            .ExecuteAsync(CancellationToken.None);
        await connection.Command($"PRAGMA user_version = {version}").ExecuteAsync(CancellationToken.None);
        await connection.Command("INSERT INTO snapshot (id, taken_at, body_json) VALUES (1, @at, @body)")
            .With("@at", StoredTime.Text(takenAt)).With("@body", JsonSerializer.Serialize(snapshot, TillSyncJsonContext.Default.TillSnapshot))
            .ExecuteAsync(CancellationToken.None);
        return connection;
    }

    // Sale tillSeq of rice, bill number billNumber, sold tillSeq minutes after soldAt: its order, the order's JSON and its receipt's.
    private static (OrderDto Order, string OrderJson, string ReceiptJson) Sale(TillSnapshot snapshot, DateTimeOffset soldAt, int seq, long billNumber)
    {
        var lines = Carts.ExpectedLines([new CartLine("RICE-5KG", seq)]).ToList();
        var totals = Carts.ExpectedTotals([new CartLine("RICE-5KG", seq)]);
        var createdAt = soldAt.AddMinutes(seq);
        var order = new OrderDto(Guid.CreateVersion7(createdAt), seq, BillNumber.Format(snapshot.BillPrefix, createdAt, billNumber), createdAt, lines,
            [new PaymentDto(PaymentMethods.Cash, totals.TotalPaise)], totals);
        var receipt = new Receipt(order.ClientOrderId, seq, order.BillNo, createdAt, snapshot.TillName, snapshot.Store.Details, null, false,
            new IrnInfo(IrnStatuses.NotApplicable), "intra", [], [], totals, order.Payments, totals.TotalPaise, 0, SyncStates.Pending);
        return (order, JsonSerializer.Serialize(order, TillSyncJsonContext.Default.OrderDto), JsonSerializer.Serialize(receipt, TillJsonContext.Default.Receipt));
    }

    // Version 3's receipts had no receipt code at all.
    private static string WithoutReceiptCode(string receiptJson)
    {
        var tree = System.Text.Json.Nodes.JsonNode.Parse(receiptJson)!.AsObject();
        Assert.True(tree.Remove("receiptCode"));
        return tree.ToJsonString();
    }
}
