using System.Globalization;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Core.Orders;
using TillSync.Hq.Access;
using TillSync.Hq.Pricing;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Loyalty;

/// <summary>The loyalty step of one sync batch (docs/loyalty.md): the kinds say which customers and redemption tokens
/// their new documents name (<see cref="Need"/>); the settings, those customers' balances (rows locked on PostgreSQL, in
/// phone order) and the tokens are read once before any document is decided; each new sale is checked and applied in
/// memory in <c>tillSeq</c> order, and the movements, balances, overdrafts and consumed tokens are written with the
/// batch, in its transaction. A replayed sale never gets here (the ledger answers it), so a sale earns and burns once; a
/// unique index on (client_order_id, kind) backs that up.</summary>
public sealed class LoyaltyBatch : IBatchStep
{
    private static readonly Column<MovementRow>[] MovementColumns =
    [
        new("phone", r => r.Phone), new("kind", r => r.Kind), new("points", r => r.Points), new("store_id", r => r.StoreId),
        new("till_id", r => r.TillId), new("client_order_id", r => r.DocumentId.ToString("D")), new("created_at", r => StoredTime.Text(r.At)),
    ];

    private static readonly Column<OverdraftRow>[] OverdraftColumns =
    [
        new("client_order_id", r => r.DocumentId.ToString("D")), new("phone", r => r.Phone), new("points", r => r.Points),
        new("value_paise", r => r.ValuePaise),
    ];

    private static readonly Column<BalanceRow>[] BalanceColumns =
        [new("phone", r => r.Phone), new("balance_points", r => r.DeltaPoints), new("last_activity_at", r => StoredTime.Text(r.At))];

    private readonly SortedSet<string> _phones = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tokenHashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _deltaByPhone = new(StringComparer.Ordinal);
    private readonly List<(string Hash, Guid Order)> _consumed = [];
    private readonly List<MovementRow> _movements = [];
    private readonly List<OverdraftRow> _overdrafts = [];
    private LoyaltySettingsDto? _settings;
    private List<Versioned<BurnTerms>> _terms = [];
    private Dictionary<string, long> _balanceByPhone = new(StringComparer.Ordinal);
    private Dictionary<string, StoredToken> _tokensByHash = new(StringComparer.Ordinal);
    private long _storeId;
    private long _tillId;

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Unshared;

    private LoyaltySettingsDto Settings => _settings ?? throw new InvalidOperationException("The loyalty step has not loaded.");

    /// <summary>Notes the customers and tokens of sales the batch will decide.</summary>
    public void Need(IEnumerable<Order> orders)
    {
        foreach (var order in orders.Where(HasLoyalty))
        {
            if (OrderRules.IsValidPhone(order.Customer?.Phone))
            {
                _phones.Add(order.Customer!.Phone!);
            }

            if (order.Loyalty?.RedemptionToken is { } token)
            {
                _tokenHashes.Add(Tokens.Hash(token));
            }
        }
    }

    /// <summary>Notes the customer of a return the batch will decide.</summary>
    public void NeedPhone(string phone)
    {
        if (OrderRules.IsValidPhone(phone))
        {
            _phones.Add(phone);
        }
    }

    /// <inheritdoc />
    public async Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        (_storeId, _tillId) = (batch.Till.StoreId, batch.Till.TillId);
        var (connection, transaction) = (batch.Connection, batch.Transaction);
        _settings = await LoyaltySettings.ReadAsync(connection, transaction, cancellationToken);
        _terms = await LoyaltySettings.HistoryAsync(connection, transaction, cancellationToken);
        // Rows locked in one global (phone) order, so two tills burning for the same customers queue instead of deadlocking.
        var balances = await batch.Engine.ListWhereInAsync(connection, transaction,
            "SELECT phone, balance_points FROM loyalty_customers WHERE phone IN ({list}) ORDER BY phone" + batch.Engine.LockRowsSql,
            _phones.ToList(), [], r => (Phone: r.GetString(0), Points: r.GetInt64(1)), cancellationToken);
        var tokens = await batch.Engine.ListWhereInAsync(connection, transaction,
            "SELECT token_hash, phone, till_id, points, expires_at, consumed_by FROM loyalty_redemption_tokens WHERE token_hash IN ({list})",
            _tokenHashes.ToList(), [], r => new StoredToken(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), StoredTime.Parse(r.GetString(4)),
                r.NullableString(5)), cancellationToken);
        _balanceByPhone = balances.ToDictionary(b => b.Phone, b => b.Points, StringComparer.Ordinal);
        _tokensByHash = tokens.ToDictionary(t => t.Hash, StringComparer.Ordinal);
    }

    /// <summary>The reason <paramref name="order"/> can never be accepted for its loyalty part, or null.</summary>
    public Rejection? Check(Order order)
    {
        var loyalty = order.Loyalty;
        var tenderPaise = LoyaltyTenderPaise(order);
        if (!HasLoyalty(order))
        {
            return null;
        }

        if (!OrderRules.IsValidPhone(order.Customer?.Phone))
        {
            return new(SyncReasons.InvalidLoyalty, "loyalty points and the loyalty tender need the customer's phone");
        }

        var burnPoints = loyalty?.BurnPoints ?? 0;
        var terms = TermsOf(order, burnPoints, tenderPaise);
        var burnPaise = checked(burnPoints * terms.BurnValuePaisePerPoint);
        if (tenderPaise > 0 && tenderPaise != burnPaise)
        {
            return new(SyncReasons.InvalidLoyalty, string.Create(CultureInfo.InvariantCulture,
                $"the loyalty tender of {tenderPaise} paise must equal burnPoints {burnPoints} × the burn value the till knew ({terms.BurnValuePaisePerPoint} paise) = {burnPaise}"));
        }

        if (loyalty?.RedemptionToken is not { } token)
        {
            return burnPaise > terms.OfflineBurnPaiseMax
                ? new(SyncReasons.TokenRequired, string.Create(CultureInfo.InvariantCulture,
                    $"a burn worth {burnPaise} paise is above the offline limit of {terms.OfflineBurnPaiseMax} paise and needs a redemption token"))
                : null;
        }

        var hash = Tokens.Hash(token);
        if (!_tokensByHash.TryGetValue(hash, out var stored) || stored.TillId != _tillId || stored.Phone != order.Customer!.Phone
            || stored.Points != burnPoints || order.CreatedAt > stored.ExpiresAt)
        {
            return new(SyncReasons.TokenInvalid,
                "the redemption token is unknown, expired at the time of sale, another till's, or not for this customer and these points");
        }

        return stored.ConsumedBy is not null || _consumed.Exists(c => c.Hash == hash)
            ? new(SyncReasons.TokenUsed, "the redemption token was already used on another sale")
            : null;
    }

    /// <summary>Applies the loyalty part of a committed <paramref name="order"/> that passed <see cref="Check"/>: burn first,
    /// then earn. Returns the points burned beyond the customer's balance (0 when none).</summary>
    public long Apply(Order order, DateTimeOffset now)
    {
        if (!HasLoyalty(order))
        {
            return 0;
        }

        var phone = order.Customer!.Phone!;
        var burn = order.Loyalty?.BurnPoints ?? 0;
        var earn = order.Loyalty?.EarnPoints ?? 0;
        var before = _balanceByPhone.GetValueOrDefault(phone);
        var afterBurn = checked(before - burn);
        var overdraft = afterBurn < 0 ? Math.Min(burn, -afterBurn) : 0;
        if (burn > 0)
        {
            _movements.Add(new MovementRow(phone, LoyaltyMovementKinds.Burn, -burn, _storeId, _tillId, order.ClientOrderId, now));
        }

        if (earn > 0)
        {
            _movements.Add(new MovementRow(phone, LoyaltyMovementKinds.Earn, earn, _storeId, _tillId, order.ClientOrderId, now));
        }

        if (overdraft > 0)
        {
            _overdrafts.Add(new OverdraftRow(order.ClientOrderId, phone, overdraft, LoyaltySettings.ValuePaise(Settings, overdraft)));
        }

        if (order.Loyalty?.RedemptionToken is { } token)
        {
            _consumed.Add((Tokens.Hash(token), order.ClientOrderId));
        }

        _balanceByPhone[phone] = checked(afterBurn + earn);
        _deltaByPhone[phone] = checked(_deltaByPhone.GetValueOrDefault(phone) + earn - burn);
        return overdraft;
    }

    /// <summary>Applies the loyalty part of a committed return (docs/returns.md): the points it gives back (a <c>burn</c>
    /// movement of +points) and the points it takes back (an <c>earn</c> movement of −points), both keyed by the return's
    /// document id. Returns the points taken back beyond the customer's balance (0 when none), recorded as an overdraft
    /// for a <c>loyalty_overdraft</c> review item.</summary>
    public long ApplyReturn(Guid documentId, string phone, long earnReversedPoints, long burnRefundedPoints, DateTimeOffset now)
    {
        var before = _balanceByPhone.GetValueOrDefault(phone);
        var after = checked(before + burnRefundedPoints - earnReversedPoints);
        if (burnRefundedPoints > 0)
        {
            _movements.Add(new MovementRow(phone, LoyaltyMovementKinds.Burn, burnRefundedPoints, _storeId, _tillId, documentId, now));
        }

        if (earnReversedPoints > 0)
        {
            _movements.Add(new MovementRow(phone, LoyaltyMovementKinds.Earn, -earnReversedPoints, _storeId, _tillId, documentId, now));
        }

        var overdraft = after < 0 ? Math.Min(earnReversedPoints, -after) : 0;
        if (overdraft > 0)
        {
            _overdrafts.Add(new OverdraftRow(documentId, phone, overdraft, LoyaltySettings.ValuePaise(Settings, overdraft)));
        }

        _balanceByPhone[phone] = after;
        _deltaByPhone[phone] = checked(_deltaByPhone.GetValueOrDefault(phone) + burnRefundedPoints - earnReversedPoints);
        return overdraft;
    }

    /// <summary>The value of <paramref name="points"/> at the store's value per point.</summary>
    public long ValuePaise(long points) => LoyaltySettings.ValuePaise(Settings, points);

    /// <summary>The value of the points <paramref name="order"/> earns, accrued as a liability.</summary>
    public long EarnPaise(Order order) => LoyaltySettings.ValuePaise(Settings, order.Loyalty?.EarnPoints ?? 0);

    /// <summary>The value of a burn taken as a discount (no loyalty tender on the order): it settles the liability against
    /// <c>expenses:loyalty</c>, the sale's revenue already being net of it. A tendered burn posts through its payment.</summary>
    public long DiscountBurnPaise(Order order) =>
        LoyaltyTenderPaise(order) > 0 ? 0 : LoyaltySettings.ValuePaise(Settings, order.Loyalty?.BurnPoints ?? 0);

    /// <summary>The customer's balance as it stands after the batch so far.</summary>
    public long BalanceOf(string phone) => _balanceByPhone.GetValueOrDefault(phone);

    /// <summary>Writes movements, balances, overdrafts and consumed tokens in the batch's transaction.</summary>
    public async Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        var (connection, transaction) = (batch.Connection, batch.Transaction);
        var movements = batch.Engine.Rows("loyalty_movements", MovementColumns);
        _movements.ForEach(movements.Add);
        await movements.FlushAsync(connection, transaction, cancellationToken);
        var overdrafts = batch.Engine.Rows("loyalty_overdrafts", OverdraftColumns);
        _overdrafts.ForEach(overdrafts.Add);
        await overdrafts.FlushAsync(connection, transaction, cancellationToken);
        // Increments, not absolute values: a new customer's row may be created by two tills' batches at once on PostgreSQL.
        var balances = batch.Engine.Rows("loyalty_customers", BalanceColumns,
            "ON CONFLICT (phone) DO UPDATE SET balance_points = loyalty_customers.balance_points + excluded.balance_points, last_activity_at = excluded.last_activity_at");
        foreach (var (phone, delta) in _deltaByPhone.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            balances.Add(new BalanceRow(phone, delta, batch.Now));
        }

        await balances.FlushAsync(connection, transaction, cancellationToken);
        foreach (var (hash, order) in _consumed)
        {
            var updated = await connection.Command(
                    "UPDATE loyalty_redemption_tokens SET consumed_by = @order, consumed_at = @at WHERE token_hash = @hash AND consumed_by IS NULL", transaction)
                .With("@order", order.ToString("D")).With("@at", StoredTime.Text(batch.Now)).With("@hash", hash).ExecuteAsync(cancellationToken);
            Invariant.Assert(updated == 1);
        }
    }

    // The settings the till knew when it made the sale (docs/pricing.md): those in force at the pricing version it priced
    // with, or at the sale's time, then HQ's current ones. A tender is judged by the first whose burn value it matches, so
    // that a burn made offline under a value HQ has since changed commits; otherwise the first known.
    private BurnTerms TermsOf(Order order, long burnPoints, long tenderPaise)
    {
        List<BurnTerms> known = [.. History.Known(_terms, order.PricingVersion, order.CreatedAt)];
        var current = new BurnTerms(Settings.BurnValuePaisePerPoint, Settings.OfflineBurnPaiseMax);
        if (!known.Contains(current))
        {
            known.Add(current);
        }

        return known.Find(t => tenderPaise > 0 && checked(burnPoints * t.BurnValuePaisePerPoint) == tenderPaise) ?? known[0];
    }

    private static bool HasLoyalty(Order order) =>
        order.Loyalty is { EarnPoints: > 0 } or { BurnPoints: > 0 } or { RedemptionToken: not null } || LoyaltyTenderPaise(order) > 0;

    private static long LoyaltyTenderPaise(Order order) =>
        order.Payments.Where(p => p.Method == TenderMethods.Loyalty).Aggregate(0L, (sum, p) => checked(sum + p.AmountPaise));

    private sealed record MovementRow(string Phone, string Kind, long Points, long StoreId, long TillId, Guid DocumentId, DateTimeOffset At);

    private sealed record OverdraftRow(Guid DocumentId, string Phone, long Points, long ValuePaise);

    private sealed record BalanceRow(string Phone, long DeltaPoints, DateTimeOffset At);

    private sealed record StoredToken(string Hash, string Phone, long TillId, long Points, DateTimeOffset ExpiresAt, string? ConsumedBy);
}
