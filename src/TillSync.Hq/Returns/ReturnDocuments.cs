using TillSync.Contracts.Documents;
using TillSync.Hq.Catalog;
using TillSync.Hq.Loyalty;
using TillSync.Hq.Promotions;
using TillSync.Hq.StoreCredit;
using TillSync.Hq.Sync;

namespace TillSync.Hq.Returns;

/// <summary>The <c>return</c> kind (docs/returns.md): a till's return with its refund, recorded as a credit note with its
/// lines and refund tenders (this folder), its stock movements, journal entry, loyalty movements and review items (their
/// features' steps), and linked to its original sale in either order of arrival (<see cref="ReturnOriginals"/>).</summary>
public sealed class ReturnDocuments(Stores.GstinPolicy gstins) : IDocumentKind
{
    /// <inheritdoc />
    public string Kind => DocumentKinds.Return;

    /// <inheritdoc />
    public string Fingerprint(TillDocumentDto document) => ReturnFingerprint.Compute(document.DocumentId, document.Return!);

    /// <inheritdoc />
    public string? NumberOf(TillDocumentDto document) => Clip(document.Return!.CreditNoteNo);

    /// <inheritdoc />
    public IKindBatch Begin(SyncBatch batch, IReadOnlyList<TillDocumentDto> newDocuments)
    {
        var returns = newDocuments.Select(d => (d.DocumentId, Return: d.Return!)).ToList();
        batch.Step<BatchCosts>().Need(returns.SelectMany(r => r.Return.Lines).Select(l => l.Sku));
        batch.Step<ReturnOriginals>().Need(returns.Select(r => r.Return.Original.ClientOrderId));
        batch.Step<PromotionUses>().Need(returns.Select(r => r.Return.Original.ClientOrderId));
        batch.Step<StoreCreditBatch>().Need(returns.Where(r => r.Return.Refunds.Any(f => f.Method == RefundMethods.StoreCredit))
            .Select(r => r.Return.CreditNoteNo));
        var loyalty = batch.Step<LoyaltyBatch>();
        foreach (var phone in returns.Select(r => r.Return.Loyalty?.Phone).OfType<string>())
        {
            loyalty.NeedPhone(phone);
        }

        return new ReturnBatch(batch.Engine, returns, gstins.Rule);
    }

    /// <summary>A sent number as answers and review items show it: at most 40 characters.</summary>
    public static string Clip(string? number) => number is null ? "" : number.Length <= 40 ? number : number[..39] + "…";
}
