// The credit notes and store credit endpoints as typed calls (issue 15), each asserting the documented success status, beside
// ManagerClient so that tests read as business steps.
using System.Net;
using TillSync.Contracts;
using TillSync.Contracts.Returns;

namespace TillSync.Testing;

/// <summary>Typed calls for credit notes.</summary>
public static class ReturnCalls
{
    private static TillSyncJsonContext Json => TillSyncJsonContext.Default;

    /// <summary><c>GET /api/v1/credit-notes/{documentId}</c>.</summary>
    public static async Task<CreditNoteView> GetCreditNoteAsync(this ManagerClient manager, Guid documentId)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri($"/api/v1/credit-notes/{documentId:D}", UriKind.Relative)),
            HttpStatusCode.OK, Json.CreditNoteView, manager.Hq);
    }

    /// <summary>One page of <c>GET /api/v1/credit-notes</c> with the given query (e.g. <c>linked=false&amp;tillId=3</c>).</summary>
    public static async Task<CreditNotePage> ListCreditNotesAsync(this ManagerClient manager, string query)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri("/api/v1/credit-notes?" + query, UriKind.Relative)),
            HttpStatusCode.OK, Json.CreditNotePage, manager.Hq);
    }

    /// <summary><c>GET /api/v1/store-credit?code=</c>: the voucher's balance and history.</summary>
    public static async Task<StoreCreditVoucherView> GetStoreCreditAsync(this ManagerClient manager, string code) =>
        await Responses.ExpectAsync(await manager.GetStoreCreditRawAsync(code), HttpStatusCode.OK, Json.StoreCreditVoucherView, manager.Hq);

    /// <summary><c>GET /api/v1/store-credit?code=</c> as it comes, for refusals.</summary>
    public static async Task<HttpResponseMessage> GetStoreCreditRawAsync(this ManagerClient manager, string code)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await client.GetAsync(new Uri("/api/v1/store-credit?code=" + Uri.EscapeDataString(code), UriKind.Relative));
    }
}
