using System.Data.Common;
using TillSync.Contracts.Pricing;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Promotions;

/// <summary>The SQL of <c>promotions</c> (migration 0026; docs/pricing.md, "Promotions"). A row is never deleted: an end
/// early sets <c>ended_at</c> and <c>ended_version</c>.</summary>
public static class PromotionRows
{
    private const string Columns = """
        promotion_id, name, kind, store_id, valid_from, valid_to, skus, price_paise, buy_qty, get_qty, threshold_paise, off_paise,
        off_bp, cap_paise, ended_at, created_version, created_at, ended_version
        """;

    // Stored SKUs are joined by a space, which a well-formed SKU never holds.
    private const char SkuSeparator = ' ';

    /// <summary>Inserts <paramref name="request"/> (already checked) under <paramref name="version"/> and returns its id.</summary>
    public static async Task<long> InsertAsync(
        DbConnection connection, DbTransaction transaction, PromotionRequest request, long version, DateTimeOffset now, CancellationToken cancellationToken) =>
        Convert.ToInt64(await connection.Command("""
            INSERT INTO promotions (name, kind, store_id, valid_from, valid_to, skus, price_paise, buy_qty, get_qty, threshold_paise, off_paise,
                off_bp, cap_paise, created_version, created_at)
            VALUES (@name, @kind, @store, @from, @to, @skus, @price, @buy, @get, @threshold, @off, @bp, @cap, @version, @at)
            RETURNING promotion_id
            """, transaction)
            .With("@name", request.Name!.Trim()).With("@kind", request.Kind).With("@store", request.StoreId)
            .With("@from", StoredTime.Text(request.ValidFrom!.Value)).With("@to", StoredTime.Text(request.ValidTo!.Value))
            .With("@skus", string.Join(SkuSeparator, request.Skus ?? [])).With("@price", request.PricePaise)
            .With("@buy", (long?)request.BuyQty).With("@get", (long?)request.GetQty).With("@threshold", request.ThresholdPaise)
            .With("@off", request.OffPaise).With("@bp", (long?)request.OffBp).With("@cap", request.CapPaise)
            .With("@version", version).With("@at", StoredTime.Text(now))
            .ScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Ends promotion <paramref name="id"/> at <paramref name="now"/> under <paramref name="version"/>; false when
    /// there is no such promotion or it is already over.</summary>
    public static async Task<bool> EndAsync(
        DbConnection connection, DbTransaction transaction, long id, long version, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.Command("""
            UPDATE promotions SET ended_at = @now, ended_version = @version
            WHERE promotion_id = @id AND ended_at IS NULL AND valid_to > @now
            """, transaction)
            .With("@id", id).With("@now", StoredTime.Text(now)).With("@version", version).ExecuteAsync(cancellationToken) == 1;

    /// <summary>Promotion <paramref name="id"/>, or null.</summary>
    public static Task<PromotionRow?> FindAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        connection.Command($"SELECT {Columns} FROM promotions WHERE promotion_id = @id", transaction).With("@id", id)
            .FirstOrDefaultAsync(Read, cancellationToken);

    /// <summary>Up to <paramref name="limit"/> promotions with ids below <paramref name="before"/>, newest first; only those
    /// not yet over at <paramref name="now"/> when <paramref name="currentOnly"/>.</summary>
    public static Task<List<PromotionRow>> PageAsync(
        DbConnection connection, long? before, int limit, bool currentOnly, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Conditions by text rather than "@p IS NULL OR …", which PostgreSQL cannot type for a null parameter.
        var command = connection.Command($"""
            SELECT {Columns} FROM promotions WHERE 1 = 1
            {(before is null ? "" : "AND promotion_id < @before")}
            {(currentOnly ? "AND valid_to > @now AND (ended_at IS NULL OR ended_at > @now)" : "")}
            ORDER BY promotion_id DESC LIMIT @limit
            """).With("@limit", (long)limit);
        if (before is { } id)
        {
            command.With("@before", id);
        }

        if (currentOnly)
        {
            command.With("@now", StoredTime.Text(now));
        }

        return command.ListAsync(Read, cancellationToken);
    }

    /// <summary>How long a till keeps a promotion after it is over: a return of a sale it priced within this time takes
    /// back what the promotion gave by the till's own reckoning (ADR 0023), not pro rata with a review item for HQ's
    /// difference. The till prices a sale only with the promotions in force at the sale, so a kept one sells nothing.</summary>
    public static readonly TimeSpan KeptForReturns = TimeSpan.FromDays(30);

    /// <summary>The promotions of <paramref name="storeId"/> (its own and every store's) not over at <paramref name="now"/>
    /// or over within <see cref="KeptForReturns"/> (an ended one with its <c>endedAt</c>), oldest first: what a till's
    /// snapshot carries.</summary>
    public static Task<List<PromotionDto>> ForTillsAsync(
        DbConnection connection, DbTransaction transaction, long storeId, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.Command($"""
            SELECT {Columns} FROM promotions
            WHERE (store_id IS NULL OR store_id = @store) AND valid_to > @since AND (ended_at IS NULL OR ended_at > @since)
            ORDER BY promotion_id
            """, transaction)
            .With("@store", storeId).With("@since", StoredTime.Text(now - KeptForReturns))
            .ListAsync(r => Read(r).Promotion, cancellationToken);

    /// <summary>The promotions <paramref name="ids"/> names that exist, by id.</summary>
    public static async Task<Dictionary<long, PromotionRow>> LoadAsync(
        DatabaseEngine engine, DbConnection connection, DbTransaction transaction, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : (await engine.ListWhereInAsync(connection, transaction, $"SELECT {Columns} FROM promotions WHERE promotion_id IN ({{list}})",
                ids.Select(id => (object)id), [], Read, cancellationToken)).ToDictionary(r => r.Promotion.Id);

    private static PromotionRow Read(DbDataReader r) => new(
        new PromotionDto(r.GetInt64(0), r.GetString(1), r.GetString(2), r.NullableInt64(3), StoredTime.Parse(r.GetString(4)),
            StoredTime.Parse(r.GetString(5)), r.GetString(6).Split(SkuSeparator, StringSplitOptions.RemoveEmptyEntries),
            r.NullableInt64(7), ToInt(r.NullableInt64(8)), ToInt(r.NullableInt64(9)), r.NullableInt64(10), r.NullableInt64(11),
            ToInt(r.NullableInt64(12)), r.NullableInt64(13), r.NullableString(14) is { } ended ? StoredTime.Parse(ended) : null),
        r.GetInt64(15), StoredTime.Parse(r.GetString(16)), r.NullableInt64(17));

    private static int? ToInt(long? value) => value is { } v ? checked((int)v) : null;
}
