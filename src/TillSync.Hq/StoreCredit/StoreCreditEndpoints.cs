using TillSync.Contracts.Returns;
using TillSync.Core.Returns;
using TillSync.Hq.Access;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.StoreCredit;

/// <summary>A store credit voucher's balance and history for managers: <c>GET /api/v1/store-credit?code=</c>. The code
/// (a credit note number) holds slashes, so it travels in the query rather than the path.</summary>
public static class StoreCreditEndpoints
{
    /// <summary>Maps the store credit endpoint.</summary>
    public static void MapStoreCreditEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/store-credit", GetAsync).RequireManager().Produces<StoreCreditVoucherView>().ProducesProblem(400).ProducesProblem(404);

    private static async Task<IResult> GetAsync(HttpContext http, HqDatabase database, string? code)
    {
        if (!CreditNoteNumber.IsWellFormed(code))
        {
            return Problems.BadRequest("code is the voucher's code: the number of the credit note that issued it, PREFIX/YYYY/CNNNNN.");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var voucher = await StoreCreditVouchers.FindAsync(connection, code!, http.RequestAborted);
        return voucher is null ? Problems.NotFound($"HQ knows no store credit voucher {code}: no return issued it and no sale spent it.") : TypedResults.Ok(voucher);
    }
}
