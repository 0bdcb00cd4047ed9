using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace TillSync.Till.Web;

/// <summary>Answers a request that failed because the till could not write its database — a full disk (SQLITE_FULL) or
/// a failing one, or a file grown past what the system allows (SQLITE_IOERR) — with a sentence the cashier can act on,
/// instead of "An error occurred". The write's transaction rolled back, so nothing of it was saved, and what was saved
/// before is untouched: the answer says both. Logged as one error line, without a stack trace: it is the machine's
/// state, not a fault in the till.</summary>
public sealed partial class StorageProblems(IProblemDetailsService problems, ILogger<StorageProblems> logger) : IExceptionHandler
{
    /// <summary>507 Insufficient Storage: the server could not store what it needed to.</summary>
    public const int StatusCode = StatusCodes.Status507InsufficientStorage;

    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not SqliteException { SqliteErrorCode: SqliteFull or SqliteIoError } storage)
        {
            return false;
        }

        LogCannotWrite(logger, httpContext.Request.Method, httpContext.Request.Path, storage.SqliteExtendedErrorCode, storage.Message);
        httpContext.Response.StatusCode = StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCode,
                Title = "The till cannot save to its disk",
                Detail = "The till could not save to its disk — it is full or failing — so this was not saved. "
                    + "Sales saved before are safe. Free space on this computer (or ask for help), then do it again.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} could not write the till's database (SQLite code {Code}: {Reason}); answered 507, nothing saved")]
    private static partial void LogCannotWrite(ILogger logger, string method, string path, int code, string reason);
}
