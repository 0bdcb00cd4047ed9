using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TillSync.Contracts.Loyalty;
using TillSync.Hq.Access;
using TillSync.Storage;

namespace TillSync.Hq.Loyalty;

/// <summary>One-time codes and redemption tokens for burns above the offline limit (docs/loyalty.md). A code is six random
/// digits, stored only as a hash bound to its request; it expires, locks after <c>codeAttemptsMax</c> wrong tries, and the
/// requests that create codes are rate-limited per phone and per till. A correct code yields a single-use token (stored
/// hashed) bound to the customer, points, till and expiry, which a sale consumes in its sync transaction.</summary>
public static class LoyaltyCodes
{
    /// <summary>Digits in a code.</summary>
    public const int CodeDigits = 6;

    private const string Pending = "pending";
    private const string Redeemed = "redeemed";
    private const string Locked = "locked";

    /// <summary>A new code request as stored: the code (to send and never to store) and its request row.</summary>
    public static async Task<(LoyaltyCodeView View, string Code)> CreateAsync(
        DbConnection connection, DbTransaction transaction, Guid requestId, Caller till, LoyaltyCodeRequest request, LoyaltySettingsDto settings,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var expiresAt = now.AddSeconds(settings.CodeTtlSeconds);
        var at = StoredTime.Text(now);
        await connection.Command("""
            INSERT INTO loyalty_code_requests (request_id, phone, till_id, points, code_hash, attempts, status, expires_at, created_at)
            VALUES (@id, @phone, @till, @points, @hash, 0, 'pending', @expires, @at)
            """, transaction)
            .With("@id", requestId.ToString("D")).With("@phone", request.Phone).With("@till", till.Id).With("@points", request.Points)
            .With("@hash", CodeHash(requestId, code)).With("@expires", StoredTime.Text(expiresAt)).With("@at", at)
            .ExecuteAsync(cancellationToken);
        var valuePaise = LoyaltySettings.ValuePaise(settings, request.Points);
        // The one place the code exists in clear: the message an SMS gateway would deliver.
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{code} is your TillSync code to redeem {request.Points} points (Rs {valuePaise / 100m:0.00}). Valid {Math.Max(1, settings.CodeTtlSeconds / 60)} min. Do not share it.");
        await connection.Command("INSERT INTO loyalty_code_outbox (request_id, phone, message, created_at) VALUES (@id, @phone, @message, @at)", transaction)
            .With("@id", requestId.ToString("D")).With("@phone", request.Phone).With("@message", message).With("@at", at)
            .ExecuteAsync(cancellationToken);
        return (new LoyaltyCodeView(requestId, request.Phone, request.Points, valuePaise, expiresAt, settings.CodeAttemptsMax), code);
    }

    /// <summary>Code requests since <paramref name="since"/> for the phone and for the till, for the rate limits.</summary>
    public static async Task<(long ForPhone, long ForTill)> RecentRequestsAsync(
        DbConnection connection, DbTransaction transaction, string phone, long tillId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var sinceText = StoredTime.Text(since);
        var forPhone = Convert.ToInt64(await connection.Command(
                "SELECT COUNT(*) FROM loyalty_code_requests WHERE phone = @phone AND created_at > @since", transaction)
            .With("@phone", phone).With("@since", sinceText).ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var forTill = Convert.ToInt64(await connection.Command(
                "SELECT COUNT(*) FROM loyalty_code_requests WHERE till_id = @till AND created_at > @since", transaction)
            .With("@till", tillId).With("@since", sinceText).ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return (forPhone, forTill);
    }

    /// <summary>Checks <paramref name="request"/>'s code against the till's code request (locked on PostgreSQL) and records
    /// the outcome; null when the request is unknown or another till's.</summary>
    public static async Task<RedemptionView?> VerifyAsync(
        DbConnection connection, DbTransaction transaction, Caller till, RedemptionRequest request, LoyaltySettingsDto settings, string lockSql,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = request.RequestId.ToString("D");
        var stored = await connection.Command($"""
            SELECT r.phone, r.till_id, r.points, r.code_hash, r.attempts, r.status, r.expires_at
            FROM loyalty_code_requests r WHERE r.request_id = @id{lockSql}
            """, transaction).With("@id", id)
            .FirstOrDefaultAsync(r => new StoredRequest(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), checked((int)r.GetInt64(4)),
                r.GetString(5), StoredTime.Parse(r.GetString(6))), cancellationToken);
        if (stored is null || stored.TillId != till.Id)
        {
            return null;
        }

        var attemptsLeft = Math.Max(0, settings.CodeAttemptsMax - stored.Attempts);
        if (stored.Status != Pending)
        {
            return new RedemptionView(RedemptionStatuses.Locked, null, stored.Points, null, 0,
                stored.Status == Redeemed ? "This code was already used; request a new one." : "Too many wrong codes; request a new one.");
        }

        if (now > stored.ExpiresAt)
        {
            return new RedemptionView(RedemptionStatuses.Expired, null, stored.Points, null, attemptsLeft, "The code has expired; request a new one.");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CodeHash(request.RequestId, request.Code)), Encoding.ASCII.GetBytes(stored.CodeHash)))
        {
            var attempts = stored.Attempts + 1;
            var locks = attempts >= settings.CodeAttemptsMax;
            await connection.Command("UPDATE loyalty_code_requests SET attempts = @attempts, status = @status WHERE request_id = @id", transaction)
                .With("@attempts", attempts).With("@status", locks ? Locked : Pending).With("@id", id).ExecuteAsync(cancellationToken);
            return locks
                ? new RedemptionView(RedemptionStatuses.Locked, null, stored.Points, null, 0, "Too many wrong codes; request a new one.")
                : new RedemptionView(RedemptionStatuses.WrongCode, null, stored.Points, null, settings.CodeAttemptsMax - attempts,
                    "The code does not match; check it with the customer.");
        }

        var token = Tokens.New("lrt_");
        var tokenExpiresAt = now.AddSeconds(settings.TokenTtlSeconds);
        await connection.Command("UPDATE loyalty_code_requests SET status = 'redeemed' WHERE request_id = @id", transaction)
            .With("@id", id).ExecuteAsync(cancellationToken);
        await connection.Command("""
            INSERT INTO loyalty_redemption_tokens (token_hash, request_id, phone, till_id, points, expires_at)
            VALUES (@hash, @id, @phone, @till, @points, @expires)
            """, transaction)
            .With("@hash", Tokens.Hash(token)).With("@id", id).With("@phone", stored.Phone).With("@till", till.Id).With("@points", stored.Points)
            .With("@expires", StoredTime.Text(tokenExpiresAt)).ExecuteAsync(cancellationToken);
        return new RedemptionView(RedemptionStatuses.Redeemed, token, stored.Points, tokenExpiresAt, attemptsLeft,
            "Code accepted: the sale may burn these points with this token.");
    }

    // A fast hash suffices only because a code is useless without its request, which locks after a few tries and expires
    // in minutes; binding the request id in stops one stolen hash from matching another request.
    private static string CodeHash(Guid requestId, string code) => Tokens.Hash($"{requestId:D}:{code}");

    private sealed record StoredRequest(string Phone, long TillId, long Points, string CodeHash, int Attempts, string Status, DateTimeOffset ExpiresAt);
}
