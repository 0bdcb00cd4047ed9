using TillSync.Contracts.Documents;
using TillSync.Core.Orders;
using TillSync.Hq.Catalog;
using TillSync.Hq.Loyalty;
using TillSync.Hq.Pricing;
using TillSync.Contracts.Sync;
using TillSync.Hq.Returns;
using TillSync.Hq.StoreCredit;
using TillSync.Hq.Sync;

namespace TillSync.Hq.Orders;

/// <summary>The <c>sale</c> kind: a till's sale, recorded as an order with its lines and payments (this folder), its
/// stock movements, journal entry, e-invoice outbox row, loyalty movements and review items (their features' steps).
/// Buyers' GSTINs are checked by <paramref name="gstins"/>.</summary>
public sealed class SaleDocuments(Stores.GstinPolicy gstins) : IDocumentKind
{
    /// <inheritdoc />
    public string Kind => DocumentKinds.Sale;

    /// <inheritdoc />
    public string Fingerprint(TillDocumentDto document) => OrderFingerprint.Compute(OrderMapping.ToCore(document.Sale!));

    /// <inheritdoc />
    public string? NumberOf(TillDocumentDto document) => document.Sale!.BillNo;

    /// <inheritdoc />
    public IKindBatch Begin(SyncBatch batch, IReadOnlyList<TillDocumentDto> newDocuments)
    {
        var sales = newDocuments.Select(d => d.Sale!).ToList();
        batch.Step<BatchCosts>().Need(sales.SelectMany(s => s.Lines).Select(l => l.Sku));
        batch.Step<LoyaltyBatch>().Need(sales.Select(OrderMapping.ToCore));
        batch.Step<PriceJudge>().Need(sales.Select(OrderMapping.ToCore));
        // Returns that reached HQ before their original are linked when it commits (docs/returns.md, "Linking").
        batch.Step<ReturnOriginals>().Need(sales.Select(s => s.ClientOrderId));
        batch.Step<StoreCreditBatch>().Need(sales.SelectMany(s => s.Payments).Where(p => p.Method == PaymentMethods.StoreCredit)
            .Select(p => p.Reference).OfType<string>());
        return new SaleBatch(batch.Engine, sales, gstins.Rule);
    }
}
