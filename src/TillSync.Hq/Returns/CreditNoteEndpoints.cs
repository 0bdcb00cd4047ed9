using TillSync.Contracts.Documents;
using TillSync.Contracts.Returns;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Accounting;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.Returns;

/// <summary>Credit notes for managers: <c>GET /api/v1/credit-notes/{documentId}</c> and
/// <c>GET /api/v1/credit-notes?tillId=&amp;from=&amp;to=&amp;reason=&amp;linked=&amp;after=&amp;limit=</c>.</summary>
public static class CreditNoteEndpoints
{
    /// <summary>Maps the credit note endpoints.</summary>
    public static void MapCreditNoteEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/credit-notes/{documentId}", GetAsync).RequireManager().Produces<CreditNoteView>().ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/credit-notes", ListAsync).RequireManager().Produces<CreditNotePage>().ProducesProblem(400);
    }

    /// <summary>The filter a query asks for, or a sentence saying what is wrong with it.</summary>
    public static (CreditNoteFilter? Filter, string? Problem) Filter(
        long? tillId, string? from, string? to, string? reason, string? linked, string? after, int? limit)
    {
        var (period, problem) = LedgerPeriod.Parse(from, to, null);
        if (period is null)
        {
            return (null, problem);
        }

        if (!string.IsNullOrEmpty(reason) && !ReturnReasons.All.Contains(reason))
        {
            return (null, $"reason must be one of {string.Join(", ", ReturnReasons.All)}.");
        }

        if (linked is not (null or "" or "true" or "false"))
        {
            return (null, "linked is true (linked to the original) or false (awaiting the original).");
        }

        Guid? cursor = null;
        if (!string.IsNullOrEmpty(after))
        {
            if (!Guid.TryParse(after, out var parsed))
            {
                return (null, "after is the last documentId of the previous page.");
            }

            cursor = parsed;
        }

        bool? linkedFilter = linked is null or "" ? null : linked == "true";
        var pageSize = limit ?? 100;
        return pageSize is < 1 or > Limits.OrdersPageMax
            ? (null, $"limit must be 1 to {Limits.OrdersPageMax}.")
            : (new CreditNoteFilter(period, tillId, reason is "" ? null : reason, linkedFilter, cursor, pageSize), null);
    }

    private static async Task<IResult> GetAsync(HttpContext http, HqDatabase database, string documentId)
    {
        if (!Guid.TryParse(documentId, out var id))
        {
            return Problems.BadRequest($"'{(documentId.Length > 40 ? documentId[..40] : documentId)}' is not a documentId (a UUID).");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var note = await CreditNotes.FindAsync(connection, id, http.RequestAborted);
        return note is null ? Problems.NotFound($"HQ has no credit note {id}.") : TypedResults.Ok(note);
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, HqDatabase database, long? tillId, string? from, string? to, string? reason, string? linked, string? after, int? limit)
    {
        var (filter, problem) = Filter(tillId, from, to, reason, linked, after, limit);
        if (filter is null)
        {
            return Problems.BadRequest(problem!);
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        return TypedResults.Ok(await CreditNotes.ListAsync(connection, filter, http.RequestAborted));
    }
}
