using System.Text.Json.Serialization;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Staff;
using TillSync.Contracts.Stores;

namespace TillSync.Contracts.Tills;

/// <summary>Everything a till needs to sell offline (<c>GET /api/v1/till/snapshot</c>).</summary>
/// <param name="TillId">The till the token names.</param>
/// <param name="TillName">Its name.</param>
/// <param name="BillPrefix">Its bill number prefix.</param>
/// <param name="NextSeq">The <c>tillSeq</c> HQ expects next from this till.</param>
/// <param name="Store">Its store: GSTIN, names, address, state.</param>
/// <param name="Products">The whole catalogue with last-known on-hand in this store.</param>
/// <param name="TakenAt">When HQ took the snapshot.</param>
/// <param name="Loyalty">Loyalty settings and last-known balances; null from an HQ before loyalty.</param>
/// <param name="TillKeys">The public receipt-signing keys of every till of the store that has registered one (this till's
/// own included), so that a till can check a receipt printed at another till while HQ is unreachable; null from an HQ
/// before returns.</param>
/// <param name="Staff">The active staff of the store, with their PIN hashes, so that a cashier logs in while HQ is
/// unreachable (docs/shifts.md); null from an HQ before staff.</param>
/// <param name="PricingVersion">HQ's pricing version when the snapshot was read (docs/pricing.md); the till sends it on
/// every sale it prices from this snapshot. Null from an HQ before versions.</param>
/// <param name="RoleLimits">What each staff role may mark down or override on its own; null from an HQ before limits,
/// and then the till applies none (it asks no approval and HQ judges by its own limits).</param>
/// <param name="StockVersion">The newest stock movement HQ had written when it read the on-hand figures; the till sends
/// it on every sale it makes from this snapshot. Null from an HQ before it.</param>
/// <param name="Version">The snapshot version (docs/sync.md, "The catalogue by delta"): an opaque token the till sends as
/// <c>since</c> to <c>GET /api/v1/till/snapshot/changes</c> to fetch only what changed. Null from an HQ before deltas,
/// and then the till fetches the whole snapshot each time.</param>
/// <param name="GstinRule">How the till checks a buyer's GSTIN: <c>sandbox</c> (the e-invoice schema's pattern only) when
/// HQ runs against NIC's sandbox; null for the GSTIN's check character, as everywhere else.</param>
/// <param name="HqKey">HQ's public key (base64 of its DER SubjectPublicKeyInfo, P-256) with which the till checks HQ's
/// signed statements in sync answers (ADR 0016); null from an HQ before the document chain.</param>
/// <param name="Statement">HQ's signed statement of the highest entry it holds of this till, read with <see cref="NextSeq"/>:
/// a till whose counter the snapshot raises (restored, reinstalled) links its next document to that entry. Null from an HQ
/// before the document chain.</param>
/// <param name="TillHeads">Every till of the store with the <c>tillSeq</c> HQ expects next from it, read in the same view as
/// the on-hand figures: a peer's document at or above its till's head is not in this snapshot's on-hand, one below it is
/// (docs/store-lan.md). Null from an HQ before the store LAN.</param>
/// <param name="Promotions">The promotions of the till's store (and of every store) not yet over when the snapshot was read,
/// oldest first (docs/pricing.md, "Promotions"); the till applies those in force at each sale's time. Null from an HQ
/// before promotions.</param>
public sealed record TillSnapshot(
    long TillId, string TillName, string BillPrefix, long NextSeq, StoreView Store,
    IReadOnlyList<SnapshotProduct> Products, DateTimeOffset TakenAt, SnapshotLoyalty? Loyalty = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TillPublicKey>? TillKeys = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SnapshotStaff>? Staff = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? PricingVersion = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Pricing.RoleLimitDto>? RoleLimits = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? StockVersion = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Version = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GstinRule = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HqKey = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Documents.HqStatementDto? Statement = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TillHead>? TillHeads = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Pricing.PromotionDto>? Promotions = null);

/// <summary>A till of the store and the <c>tillSeq</c> HQ expects next from it.</summary>
/// <param name="TillId">The till.</param>
/// <param name="NextSeq">HQ's next expected <c>tillSeq</c> of it: every document below it is committed (or rejected) at HQ.</param>
public sealed record TillHead(long TillId, long NextSeq);

/// <summary>A catalogue product with last-known on-hand.</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Name">Receipt name.</param>
/// <param name="Hsn">HSN code.</param>
/// <param name="Unit">UQC unit code.</param>
/// <param name="GstRateBp">GST rate in basis points.</param>
/// <param name="PricePaise">Price per unit in paise, inclusive of GST when <paramref name="TaxInclusive"/>.</param>
/// <param name="Barcode">Barcode, when the product has one.</param>
/// <param name="OnHand">On-hand in the till's store when the snapshot was taken.</param>
/// <param name="MrpPaise">MRP per unit, inclusive of every tax, or null; absent from an HQ before MRPs.</param>
/// <param name="TaxInclusive">True when the price includes GST; absent (false) from an HQ before inclusive prices.</param>
/// <param name="Retired">True when a manager has retired the product at HQ: the till no longer sells it, and still takes back
/// earlier sales of it. Absent (false) for a product on sale, and from an HQ before retirement.</param>
public sealed record SnapshotProduct(
    string Sku, string Name, string Hsn, string Unit, int GstRateBp, long PricePaise, string? Barcode, decimal OnHand,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? MrpPaise = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool TaxInclusive = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Retired = false);
