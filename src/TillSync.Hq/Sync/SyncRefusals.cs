using Microsoft.AspNetCore.Http.HttpResults;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Sync;

/// <summary>The last time HQ refused a till's whole sync body (400, 413, 415) and why, kept on the till's row, so that the
/// fleet page shows a till whose sync keeps failing as failing — with the reason — rather than as offline (issue 20).
/// Written in its own short transaction: the refused batch itself stored nothing. A body that broke on the way (cut
/// short, or too slow: 408) says nothing about what the till sends and is not recorded: the till resends it.</summary>
public static class SyncRefusals
{
    /// <summary>Longest reason kept.</summary>
    public const int DetailLengthMax = 500;

    /// <summary>Records <paramref name="problem"/> as the till's last refusal when it is a problem+json answer, and
    /// returns it unchanged.</summary>
    public static async Task<IResult> RecordAsync(HqDatabase database, long tillId, IResult problem, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (problem is not ProblemHttpResult { ProblemDetails: var details }
            || details.Status == StatusCodes.Status408RequestTimeout || details.Title == Problems.IncompleteBodyTitle)
        {
            return problem;
        }

        var detail = $"{details.Status} {details.Detail}";
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.Command("UPDATE tills SET last_refusal_at = @at, last_refusal = @detail WHERE till_id = @till")
            .With("@at", StoredTime.Text(now)).With("@detail", detail.Length <= DetailLengthMax ? detail : detail[..DetailLengthMax])
            .With("@till", tillId).ExecuteAsync(cancellationToken);
        return problem;
    }
}
