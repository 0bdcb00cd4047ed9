using System.Data.Common;
using System.Globalization;
using Microsoft.OpenApi;
using TillSync.Contracts.Idempotency;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.Idempotency;

/// <summary>Manager writes that take an <c>Idempotency-Key</c> (the IETF draft's header). An endpoint opts in with
/// <see cref="RequireIdempotencyKey"/> and makes its write through <see cref="RunAsync"/>; nothing else about keys is in
/// the endpoint. A retry with the same key and the same request answers the first 2xx answer, byte for byte, with
/// <c>Idempotent-Replayed: true</c>, and changes nothing; the same key with another request is refused with 422 and
/// changes nothing; of two concurrent requests with one key, the database's unique key decides which writes, and the
/// other waits for it and replays its answer. Refusals (4xx) are not stored: the key stays free for a corrected request.</summary>
public static partial class IdempotentWrites
{
    private const string RequestItem = "tillsync.idempotent-request";

    // Seconds a client should wait before resending after a 503.
    private const int RetryAfterSeconds = 5;

    /// <summary>Requires an <c>Idempotency-Key</c> on the endpoint (400 without one) and answers a key already used
    /// before the handler runs. Goes after <see cref="AccessFilters.RequireManager"/>: keys are scoped to their caller.</summary>
    public static RouteHandlerBuilder RequireIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(AdmitAsync).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyKey.HeaderName,
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "One random key per operation (16 to 200 visible ASCII characters, e.g. a UUID), sent again with every retry of it: "
                        + "HQ applies the operation at most once and answers a retry with the first answer (Idempotent-Replayed: true). See docs/security.md.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = IdempotencyKey.LengthMin, MaxLength = IdempotencyKey.LengthMax },
                });
                return Task.CompletedTask;
            });

    /// <summary>Runs <paramref name="write"/> in one write transaction that first claims the request's key and, when the
    /// answer is a 2xx, stores that answer before committing; any other answer rolls the transaction back whole.
    /// <paramref name="write"/> must not commit. A transient database failure is a 503: send the same request again.</summary>
    public static async Task<IResult> RunAsync(
        HttpContext http, HqDatabase database, TimeProvider time, Func<DbConnection, DbTransaction, Task<IResult>> write)
    {
        Invariant.Assert(http.Items[RequestItem] is IdempotentRequest);
        var request = (IdempotentRequest)http.Items[RequestItem]!;
        var cancellationToken = http.RequestAborted;
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
            if (!await IdempotencyRecords.ClaimAsync(connection, transaction, request, time.GetUtcNow(), cancellationToken))
            {
                // A concurrent request with this key committed first (this claim waited for it): answer as it did.
                var first = await IdempotencyRecords.FindAsync(connection, transaction, request, time.GetUtcNow(), cancellationToken);
                Invariant.Assert(first is not null);
                await transaction.RollbackAsync(cancellationToken);
                return Answer(http, request, first!);
            }

            var response = await RecordedResponse.CaptureAsync(http, await write(connection, transaction));
            if (!response.IsSuccess)
            {
                await transaction.RollbackAsync(cancellationToken);
                return response;
            }

            await IdempotencyRecords.CompleteAsync(connection, transaction, request, response, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return response;
        }
        catch (Exception e) when (HqDatabase.IsTransient(e))
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Problems.Unavailable(
                $"HQ's database is busy or unreachable. Send the same request again with the same {IdempotencyKey.HeaderName}: HQ applies it at most once.");
        }
    }

    private static async ValueTask<object?> AdmitAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var values = http.Request.Headers[IdempotencyKey.HeaderName];
        var key = values.Count == 1 ? IdempotencyKey.Parse(values[0]) : null;
        if (key is null)
        {
            return Problems.BadRequest(string.Create(CultureInfo.InvariantCulture, $"""
                {(values.Count == 0 ? "Send" : "Send one valid")} '{IdempotencyKey.HeaderName}' header with this write: a random string of {IdempotencyKey.LengthMin} to {IdempotencyKey.LengthMax} visible ASCII characters (a UUID will do), made once for this operation and sent again with every retry of it, so that HQ applies the operation at most once.
                """));
        }

        // The body is read here, once, to fingerprint it; the handler then reads the same bytes.
        var (body, problem) = await JsonBody.ReadRawBytesAsync(http.Request, Limits.SyncBodyBytesMax, http.RequestAborted);
        if (body is not { } bytes)
        {
            return problem;
        }

        http.Request.Body = new MemoryStream(bytes.ToArray(), writable: false);
        var request = IdempotentRequest.For(http.Caller(), key, http.Request, bytes.Span);
        var database = http.RequestServices.GetRequiredService<HqDatabase>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        await using (var connection = await database.OpenAsync(http.RequestAborted))
        {
            if (await IdempotencyRecords.FindAsync(connection, null, request, now, http.RequestAborted) is { } first)
            {
                return Answer(http, request, first);
            }
        }

        http.Items[RequestItem] = request;
        return await next(context);
    }

    private static IResult Answer(HttpContext http, IdempotentRequest request, IdempotencyRecord first)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdempotentWrites));
        if (first.RequestHash != request.RequestHash)
        {
            LogReused(logger, request.Caller.Name, request.Method, request.Path, first.Method, first.Path);
            return Problems.Unprocessable(
                $"This {IdempotencyKey.HeaderName} was already used for another request ({first.Method} {first.Path} with a different body); nothing was changed. "
                + "Make a new key for a new operation, or resend the first request exactly to have its answer again.");
        }

        LogReplayed(logger, request.Method, request.Path, request.Caller.Name, first.StatusCode);
        return RecordedResponse.Replay(first, request.Open(first.SealedBody));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Method} {Path} for {Caller} from its Idempotency-Key: the first answer ({Status}), nothing applied again")]
    private static partial void LogReplayed(ILogger logger, string method, string path, string caller, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} from {Caller}: its Idempotency-Key was first used for {FirstMethod} {FirstPath} with another body")]
    private static partial void LogReused(ILogger logger, string caller, string method, string path, string firstMethod, string firstPath);
}
