using System.Data.Common;
using System.Globalization;
using TillSync.Storage;

namespace TillSync.Hq.Pricing;

/// <summary>The chain's one pricing version (<c>pricing_versions</c>, migration 0021; docs/pricing.md). Every write to what
/// a till prices with — a product upsert, the loyalty settings, the role limits — raises it by one in its own transaction
/// and records the new values under it; a till's snapshot carries the version it was read at, and each sale the version
/// its till priced with, so that HQ judges the sale by what the till knew.</summary>
public static class PricingVersions
{
    /// <summary>Raises the version and returns the new one. On PostgreSQL the update locks the one row, so two writers take
    /// consecutive versions in commit order; on SQLite the write transaction already excludes every other writer.</summary>
    public static async Task<long> RaiseAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Convert.ToInt64(await connection.Command("UPDATE pricing_versions SET version = version + 1 WHERE pricing_id = 1 RETURNING version", transaction)
            .ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

    /// <summary>The version in force, in the caller's (read) transaction.</summary>
    public static async Task<long> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        Convert.ToInt64(await connection.Command("SELECT version FROM pricing_versions WHERE pricing_id = 1", transaction)
            .ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
}
