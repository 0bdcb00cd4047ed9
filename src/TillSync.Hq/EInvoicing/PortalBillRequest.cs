using System.Text.Json.Serialization.Metadata;
using TillSync.Core;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.EInvoicing;

/// <summary>The common start of a manager's portal write on one bill (the e-invoice's cancel, the e-way bill's cancel):
/// the order id from the path, the body and its check, then the bill with its seller's GSTIN. Any of these failing is
/// the problem to answer (400 or 404), and nothing has been asked of the portal or written.</summary>
public static class PortalBillRequest
{
    /// <summary>Reads and checks the request (<paramref name="invalid"/> says what is wrong with a body, or null), and
    /// finds its bill with its store's GSTIN (the caller's at the portal); or the problem to answer instead.</summary>
    public static async Task<((Guid Id, T Request, EInvoiceBill Bill, string SellerGstin)? Read, IResult? Problem)> ReadAsync<T>(
        HttpContext http, HqDatabase database, string clientOrderId, JsonTypeInfo<T> bodyType, Func<T, string?> invalid)
        where T : class
    {
        if (!Guid.TryParse(clientOrderId, out var id))
        {
            return (null, Problems.BadRequest("clientOrderId must be a UUID."));
        }

        var (request, problem) = await JsonBody.ReadAsync(http.Request, bodyType, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (request is null)
        {
            return (null, problem!);
        }

        if (invalid(request) is { } why)
        {
            return (null, Problems.BadRequest(why));
        }

        var (bill, sellerGstin) = await PendingEInvoices.FindWithSellerAsync(database, id.ToString("D"), http.RequestAborted);
        return bill is null
            ? (null, Problems.NotFound($"HQ has no e-invoice for order {id}: it is unknown or not a B2B sale."))
            : ((id, request, bill, sellerGstin!), null);
    }
}
