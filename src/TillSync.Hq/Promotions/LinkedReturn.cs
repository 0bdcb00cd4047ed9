using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.Pricing;
using TillSync.Core.Returns;
using TillSync.Core.Tax;

namespace TillSync.Hq.Promotions;

/// <summary>A committed return at the moment HQ links it to its sale (docs/returns.md, "Linking"), as the promotions step
/// reads it (<see cref="PromotionUses.Returned"/>).</summary>
/// <param name="DocumentId">The return's document id.</param>
/// <param name="StoreId">The store of the till that made the return: the store the refund was paid in.</param>
/// <param name="TillId">That till.</param>
/// <param name="Return">The return as recorded.</param>
/// <param name="Sale">Its sale as recorded.</param>
/// <param name="SaleKind">The sale's supply kind.</param>
/// <param name="SoldLines">The sale's lines with their promotion claims.</param>
/// <param name="ReturnedBeforeQty">Per sold line, what the returns HQ recorded before this one took back.</param>
/// <param name="Terms">A promotion's terms by id, or null when HQ holds none.</param>
public sealed record LinkedReturn(
    Guid DocumentId, long StoreId, long TillId, ReturnDto Return, OrderDto Sale, SupplyKind SaleKind, IReadOnlyList<SoldLine> SoldLines,
    IReadOnlyList<decimal> ReturnedBeforeQty, Func<long, Promotion?> Terms);
