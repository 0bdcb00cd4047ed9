using System.Data.Common;
using TillSync.Contracts.Loyalty;
using TillSync.Core;
using TillSync.Hq.Pricing;
using TillSync.Storage;

namespace TillSync.Hq.Loyalty;

/// <summary>Reads, checks and saves the chain's one row of loyalty settings (docs/loyalty.md).</summary>
public static class LoyaltySettings
{
    private const string Columns = """
        earn_points_per_100_rupees, burn_value_paise_per_point, burn_gst_treatment, offline_burn_paise_max, code_ttl_seconds,
        code_attempts_max, code_requests_per_phone_hour_max, code_requests_per_till_hour_max, token_ttl_seconds, snapshot_active_days
        """;

    /// <summary>The settings in force, read in the caller's transaction.</summary>
    public static async Task<LoyaltySettingsDto> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var settings = await connection.Command($"SELECT {Columns} FROM loyalty_settings WHERE settings_id = 1", transaction)
            .FirstOrDefaultAsync(r => new LoyaltySettingsDto(checked((int)r.GetInt64(0)), r.GetInt64(1), r.GetString(2), r.GetInt64(3),
                checked((int)r.GetInt64(4)), checked((int)r.GetInt64(5)), checked((int)r.GetInt64(6)), checked((int)r.GetInt64(7)),
                checked((int)r.GetInt64(8)), checked((int)r.GetInt64(9))), cancellationToken);
        // Migration 0006 inserts the row and nothing deletes it.
        Invariant.Assert(settings is not null);
        return settings!;
    }

    /// <summary>Replaces the settings, and keeps the burn value and offline limit in their history under a new pricing
    /// version (docs/pricing.md), so that a burn a till made under the settings it knew is judged by them.</summary>
    public static async Task SaveAsync(
        DbConnection connection, DbTransaction transaction, LoyaltySettingsDto s, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var version = await PricingVersions.RaiseAsync(connection, transaction, cancellationToken);
        await connection.Command("""
            INSERT INTO loyalty_settings_history (version, burn_value_paise_per_point, offline_burn_paise_max, effective_at)
            VALUES (@version, @value, @offline, @at)
            """, transaction)
            .With("@version", version).With("@value", s.BurnValuePaisePerPoint).With("@offline", s.OfflineBurnPaiseMax).With("@at", StoredTime.Text(now))
            .ExecuteAsync(cancellationToken);
        await connection.Command("""
            UPDATE loyalty_settings SET earn_points_per_100_rupees = @earn, burn_value_paise_per_point = @value, burn_gst_treatment = @treatment,
                offline_burn_paise_max = @offline, code_ttl_seconds = @codeTtl, code_attempts_max = @attempts,
                code_requests_per_phone_hour_max = @perPhone, code_requests_per_till_hour_max = @perTill, token_ttl_seconds = @tokenTtl,
                snapshot_active_days = @days, updated_at = @at
            WHERE settings_id = 1
            """, transaction)
            .With("@earn", s.EarnPointsPer100Rupees).With("@value", s.BurnValuePaisePerPoint).With("@treatment", s.BurnGstTreatment)
            .With("@offline", s.OfflineBurnPaiseMax).With("@codeTtl", s.CodeTtlSeconds).With("@attempts", s.CodeAttemptsMax)
            .With("@perPhone", s.CodeRequestsPerPhoneHourMax).With("@perTill", s.CodeRequestsPerTillHourMax).With("@tokenTtl", s.TokenTtlSeconds)
            .With("@days", s.SnapshotActiveDays).With("@at", StoredTime.Text(now))
            .ExecuteAsync(cancellationToken);
    }

    /// <summary>The history of the burn value and the offline limit, oldest first (docs/pricing.md).</summary>
    public static Task<List<Versioned<BurnTerms>>> HistoryAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.Command("SELECT version, effective_at, burn_value_paise_per_point, offline_burn_paise_max FROM loyalty_settings_history ORDER BY version",
                transaction)
            .ListAsync(r => new Versioned<BurnTerms>(r.GetInt64(0), StoredTime.Parse(r.GetString(1)), new BurnTerms(r.GetInt64(2), r.GetInt64(3))),
                cancellationToken);

    /// <summary>The first setting out of its range, as a sentence, or null.</summary>
    public static string? Problem(LoyaltySettingsDto s) =>
        s.EarnPointsPer100Rupees is < 0 or > 10_000 ? "earnPointsPer100Rupees must be 0 to 10000."
        : s.BurnValuePaisePerPoint is < 1 or > 10_000 ? "burnValuePaisePerPoint must be 1 to 10000 paise."
        : !BurnGstTreatments.All.Contains(s.BurnGstTreatment) ? $"burnGstTreatment must be one of {string.Join(", ", BurnGstTreatments.All)}."
        : s.OfflineBurnPaiseMax is < 0 or > Limits.LoyaltyOfflineBurnPaiseMax ? $"offlineBurnPaiseMax must be 0 to {Limits.LoyaltyOfflineBurnPaiseMax} paise."
        : s.CodeTtlSeconds is < 1 or > 3_600 ? "codeTtlSeconds must be 1 to 3600."
        : s.CodeAttemptsMax is < 1 or > 10 ? "codeAttemptsMax must be 1 to 10."
        : s.CodeRequestsPerPhoneHourMax is < 1 or > 100 ? "codeRequestsPerPhoneHourMax must be 1 to 100."
        : s.CodeRequestsPerTillHourMax is < 1 or > 1_000 ? "codeRequestsPerTillHourMax must be 1 to 1000."
        : s.TokenTtlSeconds is < 60 or > 86_400 ? "tokenTtlSeconds must be 60 to 86400."
        : s.SnapshotActiveDays is < 1 or > 365 ? "snapshotActiveDays must be 1 to 365."
        : null;

    /// <summary>The value of <paramref name="points"/> at the current burn value, in paise.</summary>
    public static long ValuePaise(LoyaltySettingsDto s, long points) => checked(points * s.BurnValuePaisePerPoint);
}
