using System.Globalization;
using TillSync.Contracts.Staff;
using TillSync.Core.Money;
using TillSync.Core.Orders;
using TillSync.Core.Pricing;
using TillSync.Hq.Promotions;
using TillSync.Hq.Sync;

namespace TillSync.Hq.Pricing;

/// <summary>The pricing step of one sync batch (docs/pricing.md): judges each committed sale by what its till knew — the
/// prices and role limits in force at the pricing version it priced with, and the prices in force at the sale's time.
/// The sale commits either way (the money moved); <see cref="Judge"/> says, for the sale kind to flag and review, which
/// lines went beyond the limits of the role that answers for them — the approver's when an approval names a supervisor
/// or manager, else the cashier's. The histories of the batch's SKUs, the role limits and the staff named are read once
/// before any sale is decided; the step writes nothing of its own.</summary>
public sealed class PriceJudge : IBatchStep
{
    private readonly HashSet<string> _skus = new(StringComparer.Ordinal);
    private readonly HashSet<long> _staffIds = [];
    private readonly HashSet<long> _promotionIds = [];
    private Dictionary<long, PromotionRow> _promotions = [];
    private Dictionary<string, List<Versioned<KnownPrice>>> _pricesBySku = new(StringComparer.Ordinal);
    private Dictionary<string, List<Versioned<RoleLimit>>> _limitsByRole = new(StringComparer.Ordinal);
    private Dictionary<long, StaffMember> _staff = [];

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Unshared;

    /// <summary>Notes the SKUs and staff of sales the batch will decide.</summary>
    public void Need(IEnumerable<Order> orders)
    {
        foreach (var order in orders)
        {
            _skus.UnionWith(order.Lines.Select(l => l.Sku).Where(OrderRules.IsWellFormedSku));
            if (order.CashierId is { } cashierId)
            {
                _staffIds.Add(cashierId);
            }

            if (order.Approval is { ApproverId: var approverId })
            {
                _staffIds.Add(approverId);
            }

            _promotionIds.UnionWith(order.Lines.Select(l => l.PromotionId).OfType<long>());
            if (order.BillPromotionId is { } billPromotionId)
            {
                _promotionIds.Add(billPromotionId);
            }
        }
    }

    /// <inheritdoc />
    public async Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        var (connection, transaction) = (batch.Connection, batch.Transaction);
        _pricesBySku = await PriceHistory.LoadAsync(batch.Engine, connection, transaction, _skus, cancellationToken);
        _limitsByRole = await RoleLimits.LoadAsync(connection, transaction, cancellationToken);
        var staff = await batch.Engine.ListWhereInAsync(connection, transaction, "SELECT staff_id, name, role FROM staff WHERE staff_id IN ({list})",
            _staffIds.Select(id => (object)id), [], r => (Id: r.GetInt64(0), Name: r.GetString(1), Role: r.GetString(2)), cancellationToken);
        _staff = staff.ToDictionary(s => s.Id, s => new StaffMember(s.Name, s.Role));
        _promotions = await PromotionRows.LoadAsync(batch.Engine, connection, transaction, _promotionIds, cancellationToken);
    }

    /// <inheritdoc />
    public Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The deviation of a committed <paramref name="order"/> of store <paramref name="storeId"/> for its review
    /// item, as a sentence, or null when every promotion it claims was in force for it and gives what it took off, and its
    /// other markdowns are within the limits of the role that answers for them. <paramref name="allowancePaise"/> is
    /// markdown the sale carries for another reason (a loyalty burn taken as a discount).</summary>
    public string? Judge(Order order, long storeId, long allowancePaise)
    {
        // What promotions that held took off is not the cashier's markdown; a scheduled price that held is a known price.
        var promotions = PromotionClaims.Check(order, id => Honoured(id, order, storeId), Describe);
        var lines = new List<LineMarkdown>(order.Lines.Count);
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i] with { DiscountPaise = checked(order.Lines[i].DiscountPaise - promotions.PromotionPaiseByLine[i]) };
            var known = _pricesBySku.TryGetValue(line.Sku, out var rows) ? History.Known(rows, order.PricingVersion, order.CreatedAt) : [];
            if (promotions.PromotionPriceByLine[i] is { } promotionPrice)
            {
                known = [.. known, new KnownPrice(promotionPrice, line.TaxInclusive)];
            }

            if (LineMarkdown.Of(line, i + 1, known) is { } markdown)
            {
                lines.Add(markdown);
            }
        }

        var (role, answerer) = Answerer(order);
        var limit = LimitOf(role, order);
        var beyond = PriceJudgement.Beyond(lines, limit, allowancePaise);
        string?[] parts =
        [
            promotions.Problems.Count == 0 ? null : $"Bill {order.BillNo}: {string.Join("; ", promotions.Problems)}.",
            beyond.Count == 0 ? null : Describe(order, beyond, role, limit, answerer),
        ];
        return parts.All(p => p is null) ? null : string.Join(" ", parts.OfType<string>());
    }

    /// <summary>The terms of promotion <paramref name="id"/> when a sale of the batch names it (loaded with the batch), or
    /// null: what a return of the sale takes back is computed from them (docs/returns.md, "Promotions").</summary>
    public Promotion? Terms(long id) => _promotions.TryGetValue(id, out var row) ? PromotionMapping.ToCore(row.Promotion, endKnown: true) : null;

    /// <summary>The catalogue price the till of <paramref name="order"/> knew for <paramref name="line"/>, on the line's
    /// footing — the one at the sale's pricing version, else the one at its time — or null when HQ knows none: what a
    /// scheduled price saved is measured from it (docs/pricing.md, "How each promotion did").</summary>
    public long? ListPricePaise(Order order, OrderLine line) =>
        _pricesBySku.TryGetValue(line.Sku, out var rows)
            ? History.Known(rows, order.PricingVersion, order.CreatedAt).FirstOrDefault(k => k.TaxInclusive == line.TaxInclusive)?.UnitPricePaise
            : null;

    // A promotion the sale's till could have applied (ADR 0011, the reading most favourable to the till): of its store or
    // every store, created by the sale's pricing version or its time, and in force at its time — until the end early when
    // the till knew of it (its snapshot's version includes the end, or it sends no version), else until its validTo.
    private Promotion? Honoured(long id, Order order, long storeId)
    {
        if (!_promotions.TryGetValue(id, out var row) || row.Promotion.StoreId is { } only && only != storeId)
        {
            return null;
        }

        var knewOfIt = (order.PricingVersion is { } version && row.CreatedVersion <= version) || row.CreatedAt <= order.CreatedAt;
        var endKnown = row.EndedVersion is { } ended && (order.PricingVersion is not { } v || ended <= v);
        var promotion = PromotionMapping.ToCore(row.Promotion, endKnown);
        return knewOfIt && promotion?.InForceAt(order.CreatedAt) == true ? promotion : null;
    }

    private string Describe(long id) => _promotions.TryGetValue(id, out var row)
        ? string.Create(CultureInfo.InvariantCulture, $"promotion {id} ({row.Promotion.Name})")
        : string.Create(CultureInfo.InvariantCulture, $"promotion {id} (unknown to HQ)");

    // The approver answers for the sale when the approval names a supervisor or manager HQ knows; otherwise the cashier
    // does, with a cashier's limits when HQ does not know them (a till before staff).
    private (string Role, string Who) Answerer(Order order)
    {
        var approver = order.Approval is { } a ? _staff.GetValueOrDefault(a.ApproverId) : null;
        if (approver is { Role: StaffRoles.Supervisor or StaffRoles.Manager })
        {
            return (approver.Role, $"approved by {approver.Role} {approver.Name}");
        }

        var cashier = order.CashierId is { } id ? _staff.GetValueOrDefault(id) : null;
        var refused = order.Approval is { } approval
            ? string.Create(CultureInfo.InvariantCulture,
                $"the approval by staff {approval.ApproverId} does not count (not a supervisor or manager HQ knows)")
            : "no approval";
        return (cashier?.Role ?? StaffRoles.Cashier, $"rung up by {cashier?.Name ?? StaffRoles.UnknownCashier}, {refused}");
    }

    // The role's limits the till knew: those in force at its pricing version, else at the sale's time, else the newest.
    private RoleLimit LimitOf(string role, Order order)
    {
        var rows = _limitsByRole[role];
        return (order.PricingVersion is { } version ? History.AtVersion(rows, version) : null)
            ?? History.AtTime(rows, order.CreatedAt)
            ?? rows[^1].Value;
    }

    private static string Describe(Order order, IReadOnlyList<LineMarkdown> beyond, string role, RoleLimit limit, string answerer)
    {
        var lines = string.Join("; ", beyond.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"line {l.LineNo} ({l.Sku}) ₹{Paise.ToRupeeString(l.ListPaise - l.MarkdownPaise)} against ₹{Paise.ToRupeeString(l.ListPaise)} ({l.MarkdownBp / 100m:0.##} % off{(l.Overridden ? ", price overridden" : "")})")));
        return string.Create(CultureInfo.InvariantCulture,
            $"Bill {order.BillNo}, {answerer}: {lines}; a {role} may give {limit.DiscountBpMax / 100m:0.##} % off and {(limit.MayOverride ? "may" : "may not")} override a price.");
    }

    private sealed record StaffMember(string Name, string Role);
}
