using TillSync.Contracts;
using TillSync.Contracts.Tills;
using TillSync.Core;
using TillSync.Core.Receipts;
using TillSync.Hq.Access;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.Tills;

/// <summary><c>PUT /api/v1/till/key</c>: the calling till registers the public half of its receipt-signing key. The first
/// key stands: the same key again is answered as the first time (a till repeats the call on every start), another key is
/// 409 and changes nothing (a till that lost its key is enrolled anew, so that receipts it printed before stay
/// verifiable under the old one).</summary>
public static class TillKeyEndpoint
{
    /// <summary>Maps the registration for tills.</summary>
    public static void MapTillKeyEndpoint(this IEndpointRouteBuilder api) =>
        api.MapPut("/till/key", RegisterAsync).RequireTill()
            .Accepts<TillKeyRegistration>("application/json").Produces<TillPublicKey>().ProducesProblem(400).ProducesProblem(409);

    private static async Task<IResult> RegisterAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (request, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.TillKeyRegistration, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        if (request.Algorithm != ReceiptCode.Algorithm)
        {
            return Problems.BadRequest($"algorithm must be {ReceiptCode.Algorithm} (ECDSA on P-256 with SHA-256).");
        }

        var canonical = TillKeys.Canonical(request.PublicKey);
        if (canonical is null)
        {
            return Problems.BadRequest("publicKey must be base64 of the DER SubjectPublicKeyInfo of a P-256 public key.");
        }

        var caller = http.Caller();
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(http.RequestAborted);
        await using var transaction = await database.BeginWriteAsync(connection, http.RequestAborted);
        var (key, recorded) = await TillKeys.RegisterAsync(connection, transaction, caller.Id, canonical, now, http.RequestAborted);
        if (key.PublicKey != canonical)
        {
            return Problems.Conflict(
                $"This till registered another receipt key at {key.RegisteredAt:O}; HQ keeps the first. A till that lost its key must be enrolled anew.");
        }

        if (recorded)
        {
            await AuditLog.RecordAsync(connection, transaction, caller.Name, "till.key", $"till {caller.Id} registered its {ReceiptCode.Algorithm} receipt key", now,
                http.RequestAborted);
        }

        await transaction.CommitAsync(http.RequestAborted);
        return TypedResults.Ok(key);
    }
}
