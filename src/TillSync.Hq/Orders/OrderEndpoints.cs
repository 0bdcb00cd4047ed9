using System.Data.Common;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Orders;
using TillSync.Hq.Access;
using TillSync.Hq.Returns;
using TillSync.Hq.Staff;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Orders;

/// <summary>Order lookup and listing for managers, in HQ's commit order.</summary>
public static class OrderEndpoints
{
    // With each order, its e-invoice state: the outbox row's status for a B2B sale, not_applicable for a committed B2C
    // sale, none for a rejected order.
    private const string Columns =
        "o.hq_seq, o.client_order_id, o.till_id, o.store_id, o.till_seq, o.status, o.reason, o.detail, o.flags, o.committed_at, o.fingerprint, " +
        "o.body_json, CASE WHEN o.status <> 'committed' THEN NULL WHEN e.status IS NULL THEN 'not_applicable' ELSE e.status END, o.cashier_id, c.name, " +
        "o.approver_id, a.name";

    private const string From =
        "orders o LEFT JOIN einvoices e ON e.client_order_id = o.client_order_id LEFT JOIN staff c ON c.staff_id = o.cashier_id " +
        "LEFT JOIN staff a ON a.staff_id = o.approver_id";

    /// <summary>Maps <c>GET /api/v1/orders/{clientOrderId}</c> and <c>GET /api/v1/orders?tillId=&amp;billNo=&amp;phone=&amp;gstin=&amp;from=&amp;to=&amp;sort=&amp;after=&amp;before=&amp;limit=</c>
    /// (<see cref="OrderFilter"/>).</summary>
    public static void MapOrderEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/orders/{clientOrderId}", GetAsync).RequireManager().Produces<OrderView>().ProducesProblem(404);
        api.MapGet("/orders", ListAsync).RequireManager().Produces<OrderPage>().ProducesProblem(400);
    }

    // The catalogue's names of a sale's SKUs (a sale has at most Limits.OrderLinesMax lines), by SKU.
    private static async Task<IReadOnlyDictionary<string, string>> ProductNamesAsync(
        DbConnection connection, IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var distinct = skus.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var command = connection.Command(
            $"SELECT sku, name FROM products WHERE sku IN ({string.Join(", ", distinct.Select((_, i) => $"@sku{i}"))})");
        for (var i = 0; i < distinct.Count; i++)
        {
            command.With($"@sku{i}", distinct[i]);
        }

        var names = await command.ListAsync(r => (Sku: r.GetString(0), Name: r.GetString(1)), cancellationToken);
        return names.ToDictionary(n => n.Sku, n => n.Name, StringComparer.Ordinal);
    }

    private static async Task<IResult> GetAsync(HttpContext http, HqDatabase database, string clientOrderId)
    {
        if (!Guid.TryParse(clientOrderId, out var id))
        {
            return Problems.BadRequest($"'{(clientOrderId.Length > 40 ? clientOrderId[..40] : clientOrderId)}' is not a clientOrderId (a UUID).");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var order = await FindAsync(connection, null, id, http.RequestAborted);
        if (order is null)
        {
            return Problems.NotFound($"HQ has no order {id}.");
        }

        // What came back of the sale, from every till (docs/returns.md): its credit notes and each line's returnable rest.
        var returns = await CreditNotes.OfSaleAsync(connection, null, id, http.RequestAborted);
        var returned = await CreditNotes.ReturnedMilliAsync(connection, null, id, http.RequestAborted);
        return TypedResults.Ok(order with
        {
            ProductNames = await ProductNamesAsync(connection, order.Order.Lines.Select(l => l.Sku), http.RequestAborted),
            Returns = returns,
            Returnable = order.Status == OrderStatuses.Committed
                ? CreditNotes.Returnable([.. order.Order.Lines.Select(l => (l.Sku, l.Qty))], returned)
                : null,
        });
    }

    /// <summary>The recorded order, or null when HQ has none with that id.</summary>
    public static Task<OrderView?> FindAsync(DbConnection connection, DbTransaction? transaction, Guid clientOrderId, CancellationToken cancellationToken) =>
        connection.Command($"SELECT {Columns} FROM {From} WHERE o.client_order_id = @id", transaction)
            .With("@id", clientOrderId.ToString("D")).FirstOrDefaultAsync(Read, cancellationToken);

    // The listing: parse the filter (a bad one is a 400 problem and reads nothing), one bounded query, and the cursor for
    // the next page in the direction asked for.
    private static async Task<IResult> ListAsync(
        HttpContext http, HqDatabase database, long? tillId, string? billNo, string? phone, string? gstin, string? from, string? to,
        string? sort, long? after, long? before, int? limit, Stores.GstinPolicy gstins)
    {
        var (filter, problem) = OrderFilter.Parse(tillId, billNo, phone, gstin, from, to, sort, after, before, limit, gstins);
        if (filter is null)
        {
            return Problems.BadRequest(problem!);
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var (where, parameters) = filter.Where(database.Engine);
        var orders = await connection.Command($"SELECT {Columns} FROM {From} WHERE {where} ORDER BY {filter.OrderBy} LIMIT @limit")
            .WithAll(parameters).With("@limit", filter.PageSize + 1).ListAsync(Read, http.RequestAborted);
        var more = orders.Count > filter.PageSize;
        if (more)
        {
            orders.RemoveAt(orders.Count - 1);
        }

        long? next = more ? orders[^1].HqSeq : null;
        return TypedResults.Ok(filter.NewestFirst ? new OrderPage(orders, null, next) : new OrderPage(orders, next));
    }

    private static OrderView Read(DbDataReader r) => new(
        Guid.Parse(r.GetString(1)),
        r.GetInt64(2),
        r.GetInt64(3),
        r.GetInt64(4),
        r.GetInt64(0),
        r.GetString(5),
        r.NullableString(6),
        r.NullableString(7),
        OrderStatuses.ParseFlags(r.GetString(8)),
        StoredTime.Parse(r.GetString(9)),
        r.GetString(10),
        JsonSerializer.Deserialize(r.GetString(11), TillSyncJsonContext.Default.OrderDto)!,
        r.NullableString(12),
        Cashier: CashierNames.Of(r.IsDBNull(13) ? null : r.GetInt64(13), r.NullableString(14)),
        ApprovedBy: r.IsDBNull(15) ? null : CashierNames.Of(r.GetInt64(15), r.NullableString(16)));
}
