using System.Data.Common;
using TillSync.Contracts.Tills;
using TillSync.Hq.Access;
using TillSync.Hq.Chain;
using TillSync.Hq.Loyalty;
using TillSync.Hq.Pricing;
using TillSync.Hq.Promotions;
using TillSync.Hq.Staff;
using TillSync.Hq.Stock;
using TillSync.Hq.Storage;
using TillSync.Hq.Stores;
using TillSync.Storage;

namespace TillSync.Hq.Tills;

/// <summary>Reads a till's snapshot, whole or as the changes since a version it holds (docs/sync.md, "The catalogue by
/// delta"; ADR 0017). Both read in one consistent view of the database, after the movement cursors have settled, so that a
/// till that applies the changes holds what a whole snapshot at the new version gives.</summary>
public static class TillSnapshots
{
    private static readonly string[] MovementTables = ["stock_movements", "loyalty_movements"];

    /// <summary>The whole snapshot for <paramref name="caller"/>, telling it HQ's GSTIN rule (<paramref name="gstins"/>), HQ's
    /// statement key and its signed statement of the till's highest entry (<paramref name="statementKey"/>, ADR 0016).</summary>
    public static async Task<TillSnapshot> WholeAsync(
        HqDatabase database, Caller caller, GstinPolicy gstins, HqStatementKey statementKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // HQ's key first, outside the read: the settings carry its public half, and the digest must not move once it loads.
        await statementKey.LoadAsync(cancellationToken);
        var cursors = await database.SettledMovementIdsAsync(MovementTables, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginReadAsync(connection, cancellationToken);
        var head = await ReadHeadAsync(connection, transaction, caller, gstins, statementKey, cursors, now, cancellationToken);
        // In the same view as nextSeq: a till whose counter this snapshot raises links its next document to this entry.
        var statement = await statementKey.CurrentAsync(connection, transaction, caller.Id, head.Version.NextSeq, cancellationToken);
        var products = await ProductsAsync(connection, transaction, caller.StoreId, null, cancellationToken);
        var loyalty = await LoyaltySnapshot.ReadAsync(connection, transaction, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var s = head.Settings;
        return new TillSnapshot(caller.Id, s.TillName, s.BillPrefix, head.Version.NextSeq, s.Store, products, now, loyalty, s.TillKeys, s.Staff,
            head.Version.Pricing, s.RoleLimits, head.StockVersion, head.Version.ToString(), s.GstinRule, s.HqKey, statement, head.TillHeads,
            s.Promotions);
    }

    /// <summary>What changed for <paramref name="caller"/> since <paramref name="since"/>: null when nothing did; the whole
    /// snapshot (in <see cref="SnapshotChanges.Whole"/>) when HQ never handed that version out or the changes would be more
    /// than half the catalogue.</summary>
    public static async Task<SnapshotChanges?> SinceAsync(
        HqDatabase database, Caller caller, GstinPolicy gstins, HqStatementKey statementKey, SnapshotVersion since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (outcome, changes) = await ReadChangesAsync(database, caller, gstins, statementKey, since, now, cancellationToken);
        return outcome switch
        {
            DeltaOutcome.NotModified => null,
            DeltaOutcome.Changes => changes,
            _ => Whole(since, await WholeAsync(database, caller, gstins, statementKey, now, cancellationToken)),
        };
    }

    private enum DeltaOutcome
    {
        NotModified = 1,
        Changes,
        Whole,
    }

    private static async Task<(DeltaOutcome Outcome, SnapshotChanges? Changes)> ReadChangesAsync(
        HqDatabase database, Caller caller, GstinPolicy gstins, HqStatementKey statementKey, SnapshotVersion since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // HQ's key first, outside the read: the settings carry its public half, and the digest must not move once it loads.
        await statementKey.LoadAsync(cancellationToken);
        var cursors = await database.SettledMovementIdsAsync(MovementTables, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginReadAsync(connection, cancellationToken);
        var head = await ReadHeadAsync(connection, transaction, caller, gstins, statementKey, cursors, now, cancellationToken);
        if (head.Version == since || since.IsAheadOf(head.Version))
        {
            return (head.Version == since ? DeltaOutcome.NotModified : DeltaOutcome.Whole, null);
        }

        var products = await ProductsAsync(connection, transaction, caller.StoreId, since.Pricing, cancellationToken);
        var changed = products.Select(p => p.Sku).ToHashSet(StringComparer.Ordinal);
        var onHand = (await connection.Command("""
            SELECT p.sku, COALESCE(s.qty_milli, 0) FROM products p LEFT JOIN stock_on_hand s ON s.sku = p.sku AND s.store_id = @store
            WHERE p.sku IN (SELECT m.sku FROM stock_movements m WHERE m.store_id = @store AND m.movement_id > @cursor)
            ORDER BY p.sku
            """, transaction)
            .With("@store", caller.StoreId).With("@cursor", since.StockCursor)
            .ListAsync(r => new SnapshotOnHand(r.GetString(0), Quantity.FromMilli(r.GetInt64(1))), cancellationToken))
            .Where(o => !changed.Contains(o.Sku)).ToList();
        var catalogueSize = await connection.Command("SELECT COUNT(*) FROM products", transaction).FirstOrDefaultAsync(r => r.GetInt64(0), cancellationToken);
        var balances = await LoyaltySnapshot.MovedSinceAsync(connection, transaction, since.LoyaltyCursor, now, cancellationToken);
        // HQ's statement only when nextSeq moved (the till holds the one for the nextSeq it has), read and signed then only:
        // a till polling every 5 minutes is answered 304 above without either.
        var statement = head.Version.NextSeq == since.NextSeq
            ? null
            : await statementKey.CurrentAsync(connection, transaction, caller.Id, head.Version.NextSeq, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // A product row and an on-hand row cost about what they cost in the whole snapshot; past half the catalogue the
        // delta saves little and the whole snapshot also drops what the delta cannot (customers gone quiet).
        if (catalogueSize > 0 && checked(products.Count + onHand.Count) * 2L > catalogueSize)
        {
            return (DeltaOutcome.Whole, null);
        }

        return (DeltaOutcome.Changes, new SnapshotChanges(since.ToString(), head.Version.ToString(), head.Version.NextSeq, now, head.Version.Pricing,
            head.StockVersion, products, onHand, balances, head.Version.SettingsDigest == since.SettingsDigest ? null : head.Settings,
            Statement: statement, TillHeads: head.TillHeads));
    }

    private static SnapshotChanges Whole(SnapshotVersion since, TillSnapshot whole) =>
        new(since.ToString(), whole.Version!, whole.NextSeq, whole.TakenAt, whole.PricingVersion ?? 0, whole.StockVersion ?? 0, [], [], [], null, whole);

    private sealed record Head(SnapshotVersion Version, SnapshotSettings Settings, long StockVersion, List<TillHead> TillHeads);

    // The till's row, the settings part and the versions, in the caller's read view.
    private static async Task<Head> ReadHeadAsync(
        DbConnection connection, DbTransaction transaction, Caller caller, GstinPolicy gstins, HqStatementKey statementKey, long[] cursors,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var till = await connection.Command("SELECT name, bill_prefix, next_seq FROM tills WHERE till_id = @id", transaction)
            .With("@id", caller.Id)
            .FirstOrDefaultAsync(r => (Name: r.GetString(0), BillPrefix: r.GetString(1), NextSeq: r.GetInt64(2)), cancellationToken);
        var store = await connection.Command($"SELECT {StoreReader.Columns} FROM stores WHERE store_id = @id", transaction)
            .With("@id", caller.StoreId).FirstOrDefaultAsync(StoreReader.Read, cancellationToken);
        var settings = new SnapshotSettings(till.Name, till.BillPrefix, store!,
            await LoyaltySettings.ReadAsync(connection, transaction, cancellationToken),
            await TillKeys.OfStoreAsync(connection, transaction, caller.StoreId, cancellationToken),
            await StaffRows.OfStoreAsync(connection, transaction, caller.StoreId, cancellationToken),
            await RoleLimits.CurrentAsync(connection, transaction, cancellationToken),
            Core.Tax.GstinRules.Name(gstins.Rule), statementKey.PublicKey,
            // The promotions not over, and those over within the last 30 days for the returns of the sales they priced: part
            // of the settings, so a delta carries them whole when one is created, ends early or leaves (docs/pricing.md,
            // "Promotions"), and the digest moves with them.
            await PromotionRows.ForTillsAsync(connection, transaction, caller.StoreId, now, cancellationToken));
        // Read in the same view as the catalogue and the settings, so that the version names exactly what the till gets.
        var pricingVersion = await PricingVersions.ReadAsync(connection, transaction, cancellationToken);
        // The newest movement in the same view as the on-hand figures: a sale from this snapshot that oversells names
        // every sale of the SKU after it as competing (docs/reviews.md).
        var stockVersion = await connection.Command("SELECT COALESCE(MAX(movement_id), 0) FROM stock_movements", transaction)
            .FirstOrDefaultAsync(r => r.GetInt64(0), cancellationToken);
        // Every till's next expected tillSeq in the same view as the on-hand figures: a till counts a peer's document it
        // holds (store LAN, docs/store-lan.md) only when it is at or above that till's head, so that nothing HQ already
        // counted in on-hand is counted twice. Any commit that moves stock or loyalty moves a cursor of the version, so a
        // till is never left with on-hand newer than its heads.
        var heads = await connection.Command("SELECT till_id, next_seq FROM tills WHERE store_id = @store ORDER BY till_id", transaction)
            .With("@store", caller.StoreId).ListAsync(r => new TillHead(r.GetInt64(0), r.GetInt64(1)), cancellationToken);
        var version = new SnapshotVersion(pricingVersion, cursors[0], cursors[1], till.NextSeq, SnapshotVersion.Digest(settings));
        return new Head(version, settings, stockVersion, heads);
    }

    // The catalogue with on-hand in the store: whole, or only the products changed after pricing version versionAfter.
    private static Task<List<SnapshotProduct>> ProductsAsync(
        DbConnection connection, DbTransaction transaction, long storeId, long? versionAfter, CancellationToken cancellationToken)
    {
        var command = connection.Command($"""
            SELECT p.sku, p.name, p.hsn, p.unit, p.gst_rate_bp, p.price_paise, p.barcode, COALESCE(s.qty_milli, 0), p.mrp_paise, p.tax_inclusive, p.retired_at
            FROM products p LEFT JOIN stock_on_hand s ON s.sku = p.sku AND s.store_id = @store
            {(versionAfter is null ? "" : "WHERE p.catalogue_version > @version")}
            ORDER BY p.sku
            """, transaction).With("@store", storeId);
        if (versionAfter is { } version)
        {
            command.With("@version", version);
        }

        return command.ListAsync(r => new SnapshotProduct(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4),
                r.GetInt64(5), r.NullableString(6), Quantity.FromMilli(r.GetInt64(7)), r.NullableInt64(8), r.GetInt64(9) != 0, !r.IsDBNull(10)),
                cancellationToken);
    }
}
