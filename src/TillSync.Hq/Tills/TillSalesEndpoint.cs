using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Tills;
using TillSync.Core.Orders;
using TillSync.Hq.Access;
using TillSync.Hq.Returns;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Tills;

/// <summary><c>GET /api/v1/till/sales?billNo=</c>: a committed sale of the calling till's own store by its bill number, so
/// that a till can take a return against a bill another till printed while HQ is reachable (docs/returns.md). Another
/// store's bills are not found: a return is taken in the store that sold the goods.</summary>
public static class TillSalesEndpoint
{
    /// <summary>Maps the lookup for tills.</summary>
    public static void MapTillSalesEndpoint(this IEndpointRouteBuilder api) =>
        api.MapGet("/till/sales", FindAsync).RequireTill().Produces<TillSaleLookup>().ProducesProblem(400).ProducesProblem(404);

    private static async Task<IResult> FindAsync(HttpContext http, HqDatabase database, string? billNo)
    {
        var bill = billNo?.Trim().ToUpperInvariant();
        if (!BillNumber.IsWellFormed(bill) || bill!.IndexOf('/', StringComparison.Ordinal) is <= 0)
        {
            return Problems.BadRequest("billNo must be a bill number such as T01/2627/000042.");
        }

        // The prefix names the till (prefixes are unique across the chain), so the lookup uses the (till, bill) index.
        var prefix = bill[..bill.IndexOf('/', StringComparison.Ordinal)];
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var found = await connection.Command("""
            SELECT o.till_id, t.bill_prefix, o.body_json FROM tills t JOIN orders o ON o.till_id = t.till_id
            WHERE t.bill_prefix = @prefix AND t.store_id = @store AND o.bill_no = @bill AND o.status = 'committed'
            """)
            .With("@prefix", prefix).With("@store", http.Caller().StoreId).With("@bill", bill)
            .FirstOrDefaultAsync(r => (TillId: r.GetInt64(0), BillPrefix: r.GetString(1), Body: r.GetString(2)), http.RequestAborted);
        if (found.Body is null)
        {
            return Problems.NotFound($"HQ has no committed sale {bill} in this till's store.");
        }

        var sale = JsonSerializer.Deserialize(found.Body, TillSyncJsonContext.Default.OrderDto)!;
        var returned = await CreditNotes.ReturnedMilliAsync(connection, null, sale.ClientOrderId, http.RequestAborted);
        return TypedResults.Ok(new TillSaleLookup(found.TillId, found.BillPrefix, sale,
            CreditNotes.Returnable([.. sale.Lines.Select(l => (l.Sku, l.Qty))], returned)));
    }
}
