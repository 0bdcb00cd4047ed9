using System.Text.Json.Serialization;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Staff;
using TillSync.Contracts.Stores;

namespace TillSync.Contracts.Tills;

/// <summary>What changed in a till's snapshot since the version it holds (<c>GET /api/v1/till/snapshot/changes?since=</c>,
/// docs/sync.md). Applied to the snapshot of version <paramref name="Since"/>, it gives exactly the snapshot of version
/// <paramref name="Version"/>; when HQ cannot give a delta it answers with <paramref name="Whole"/> instead.</summary>
/// <param name="Since">The version the till holds.</param>
/// <param name="Version">The version the till holds once it has applied this.</param>
/// <param name="NextSeq">The <c>tillSeq</c> HQ expects next from this till, read in the same view as the on-hand figures.</param>
/// <param name="TakenAt">When HQ read the changes.</param>
/// <param name="PricingVersion">HQ's pricing version (docs/pricing.md).</param>
/// <param name="StockVersion">The newest stock movement in the view the on-hand figures were read in.</param>
/// <param name="Products">Products added or changed since, whole, with their on-hand in the till's store.</param>
/// <param name="OnHand">Products whose only change is their on-hand in the till's store.</param>
/// <param name="LoyaltyBalances">Customers whose loyalty balance moved since.</param>
/// <param name="Settings">The store, keys, staff, role limits, loyalty settings and promotions, whole, when any of them changed; null
/// when none did.</param>
/// <param name="Whole">The whole snapshot, when HQ answers with it instead of a delta (the version is unknown to HQ, or the
/// delta would be about as big); every other field is then empty.</param>
/// <param name="Statement">HQ's signed statement of the highest entry it holds of this till, read with
/// <paramref name="NextSeq"/> (<see cref="TillSnapshot.Statement"/>), when <paramref name="NextSeq"/> moved since; null when
/// it did not (the till holds that statement) and from an HQ before the document chain.</param>
/// <param name="TillHeads">Every till of the store with HQ's next expected <c>tillSeq</c>, read with the on-hand figures
/// (<see cref="TillSnapshot.TillHeads"/>); null from an HQ before the store LAN.</param>
public sealed record SnapshotChanges(
    string Since, string Version, long NextSeq, DateTimeOffset TakenAt, long PricingVersion, long StockVersion,
    IReadOnlyList<SnapshotProduct> Products, IReadOnlyList<SnapshotOnHand> OnHand, IReadOnlyList<LoyaltyBalance> LoyaltyBalances,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SnapshotSettings? Settings = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TillSnapshot? Whole = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Documents.HqStatementDto? Statement = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TillHead>? TillHeads = null);

/// <summary>A product's on-hand in the till's store.</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="OnHand">On-hand as HQ read it.</param>
public sealed record SnapshotOnHand(string Sku, decimal OnHand);

/// <summary>The small part of a snapshot that is sent whole when any of it changes.</summary>
/// <param name="TillName">The till's name.</param>
/// <param name="BillPrefix">Its bill number prefix.</param>
/// <param name="Store">Its store.</param>
/// <param name="LoyaltySettings">Loyalty settings.</param>
/// <param name="TillKeys">The store's till keys.</param>
/// <param name="Staff">The store's active staff.</param>
/// <param name="RoleLimits">Each role's limits.</param>
/// <param name="GstinRule">HQ's GSTIN rule (<see cref="TillSnapshot.GstinRule"/>): <c>sandbox</c>, or null for the checked rule.</param>
/// <param name="HqKey">HQ's public key for its signed statements (<see cref="TillSnapshot.HqKey"/>).</param>
/// <param name="Promotions">The promotions not yet over (<see cref="TillSnapshot.Promotions"/>): a few, so sent whole with the
/// settings when any of them changes, starts to be sent or ends.</param>
public sealed record SnapshotSettings(
    string TillName, string BillPrefix, StoreView Store, LoyaltySettingsDto LoyaltySettings, IReadOnlyList<TillPublicKey> TillKeys,
    IReadOnlyList<SnapshotStaff> Staff, IReadOnlyList<RoleLimitDto> RoleLimits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GstinRule = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HqKey = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PromotionDto>? Promotions = null);
