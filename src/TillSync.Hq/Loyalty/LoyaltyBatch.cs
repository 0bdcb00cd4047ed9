using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Core.Orders;
using TillSync.Hq.Access;
using TillSync.Storage;

namespace TillSync.Hq.Loyalty;

/// <summary>The loyalty side of one sync batch (docs/loyalty.md): the settings, the balances of the batch's customers
/// (rows locked on PostgreSQL, in phone order) and its redemption tokens are read once when the batch begins; each new
/// order is checked and applied in memory in <c>tillSeq</c> order, and the movements, balances, overdrafts and consumed
/// tokens are written with the batch, in its transaction. A replayed order never gets here (the orders table answers it),
/// so a sale earns and burns once; a unique index on (client_order_id, kind) backs that up.</summary>
public sealed class LoyaltyBatch
{
    private readonly long _storeId;
    private readonly long _tillId;
    private readonly LoyaltySettingsDto _settings;
    private readonly Dictionary<string, long> _balanceByPhone;
    private readonly Dictionary<string, long> _deltaByPhone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredToken> _tokensByHash;
    private readonly List<(string Hash, Guid Order)> _consumed = [];
    private readonly BulkInsert _movements;
    private readonly BulkInsert _overdrafts;

    private LoyaltyBatch(long storeId, long tillId, LoyaltySettingsDto settings, Dictionary<string, long> balances, Dictionary<string, StoredToken> tokens, int n)
    {
        _storeId = storeId;
        _tillId = tillId;
        _settings = settings;
        _balanceByPhone = balances;
        _tokensByHash = tokens;
        _movements = new("loyalty_movements", ["phone", "kind", "points", "store_id", "till_id", "client_order_id", "created_at"], n);
        _overdrafts = new("loyalty_overdrafts", ["client_order_id", "phone", "points", "value_paise"], n);
    }

    /// <summary>Reads what the batch's loyalty orders depend on.</summary>
    public static async Task<LoyaltyBatch> BeginAsync(
        DbConnection connection, DbTransaction transaction, long storeId, long tillId, IReadOnlyList<OrderDto> newOrders, bool lockRows,
        int parametersPerStatement, CancellationToken cancellationToken)
    {
        var settings = await LoyaltySettings.ReadAsync(connection, transaction, cancellationToken);
        var phones = newOrders.Where(HasLoyalty).Select(o => o.Customer?.Phone).OfType<string>().Where(OrderRules.IsValidPhone)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // Rows locked in one global (phone) order, so two tills burning for the same customers queue instead of deadlocking.
        var balances = await connection.ListWhereInAsync(transaction,
            "SELECT phone, balance_points FROM loyalty_customers WHERE phone IN ({list}) ORDER BY phone" + (lockRows ? " FOR UPDATE" : ""),
            phones, [], r => (Phone: r.GetString(0), Points: r.GetInt64(1)), cancellationToken);
        var hashes = newOrders.Select(o => o.Loyalty?.RedemptionToken).OfType<string>().Select(Tokens.Hash).Distinct(StringComparer.Ordinal).ToList();
        var tokens = await connection.ListWhereInAsync(transaction,
            "SELECT token_hash, phone, till_id, points, expires_at, consumed_by FROM loyalty_redemption_tokens WHERE token_hash IN ({list})",
            hashes, [], r => new StoredToken(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), StoredTime.Parse(r.GetString(4)),
                r.NullableString(5)), cancellationToken);
        return new LoyaltyBatch(storeId, tillId, settings, balances.ToDictionary(b => b.Phone, b => b.Points, StringComparer.Ordinal),
            tokens.ToDictionary(t => t.Hash, StringComparer.Ordinal), parametersPerStatement);
    }

    /// <summary>The reason <paramref name="order"/> can never be accepted for its loyalty part, or null.</summary>
    public OrderCheck? Check(OrderDto order)
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
        var burnPaise = LoyaltySettings.ValuePaise(_settings, burnPoints);
        if (tenderPaise > 0 && tenderPaise != burnPaise)
        {
            return new(SyncReasons.InvalidLoyalty, string.Create(CultureInfo.InvariantCulture,
                $"the loyalty tender of {tenderPaise} paise must equal burnPoints {burnPoints} × {_settings.BurnValuePaisePerPoint} paise = {burnPaise}"));
        }

        if (loyalty?.RedemptionToken is not { } token)
        {
            return burnPaise > _settings.OfflineBurnPaiseMax
                ? new(SyncReasons.TokenRequired, string.Create(CultureInfo.InvariantCulture,
                    $"a burn worth {burnPaise} paise is above the offline limit of {_settings.OfflineBurnPaiseMax} paise and needs a redemption token"))
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
    public long Apply(OrderDto order, DateTimeOffset now)
    {
        if (!HasLoyalty(order))
        {
            return 0;
        }

        var phone = order.Customer!.Phone!;
        var id = order.ClientOrderId.ToString("D");
        var at = StoredTime.Text(now);
        var burn = order.Loyalty?.BurnPoints ?? 0;
        var earn = order.Loyalty?.EarnPoints ?? 0;
        var before = _balanceByPhone.GetValueOrDefault(phone);
        var afterBurn = checked(before - burn);
        var overdraft = afterBurn < 0 ? Math.Min(burn, -afterBurn) : 0;
        if (burn > 0)
        {
            _movements.Add(phone, LoyaltyMovementKinds.Burn, -burn, _storeId, _tillId, id, at);
        }

        if (earn > 0)
        {
            _movements.Add(phone, LoyaltyMovementKinds.Earn, earn, _storeId, _tillId, id, at);
        }

        if (overdraft > 0)
        {
            _overdrafts.Add(id, phone, overdraft, LoyaltySettings.ValuePaise(_settings, overdraft));
        }

        if (order.Loyalty?.RedemptionToken is { } token)
        {
            _consumed.Add((Tokens.Hash(token), order.ClientOrderId));
        }

        _balanceByPhone[phone] = checked(afterBurn + earn);
        _deltaByPhone[phone] = checked(_deltaByPhone.GetValueOrDefault(phone) + earn - burn);
        return overdraft;
    }

    /// <summary>The value of the points <paramref name="order"/> earns, accrued as a liability.</summary>
    public long EarnPaise(OrderDto order) => LoyaltySettings.ValuePaise(_settings, order.Loyalty?.EarnPoints ?? 0);

    /// <summary>The value of a burn taken as a discount (no loyalty tender on the order): it settles the liability against
    /// <c>expenses:loyalty</c>, the sale's revenue already being net of it. A tendered burn posts through its payment.</summary>
    public long DiscountBurnPaise(OrderDto order) =>
        LoyaltyTenderPaise(order) > 0 ? 0 : LoyaltySettings.ValuePaise(_settings, order.Loyalty?.BurnPoints ?? 0);

    /// <summary>The customer's balance as it stands after the batch so far.</summary>
    public long BalanceOf(string phone) => _balanceByPhone.GetValueOrDefault(phone);

    /// <summary>Writes movements, balances, overdrafts and consumed tokens in the batch's transaction.</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, int parametersPerStatement, CancellationToken cancellationToken)
    {
        await _movements.FlushAsync(connection, transaction, cancellationToken);
        await _overdrafts.FlushAsync(connection, transaction, cancellationToken);
        // Increments, not absolute values: a new customer's row may be created by two tills' batches at once on PostgreSQL.
        var balances = new BulkInsert("loyalty_customers", ["phone", "balance_points", "last_activity_at"], parametersPerStatement,
            "ON CONFLICT (phone) DO UPDATE SET balance_points = loyalty_customers.balance_points + excluded.balance_points, last_activity_at = excluded.last_activity_at");
        foreach (var (phone, delta) in _deltaByPhone.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            balances.Add(phone, delta, StoredTime.Text(now));
        }

        await balances.FlushAsync(connection, transaction, cancellationToken);
        foreach (var (hash, order) in _consumed)
        {
            var updated = await connection.Command(
                    "UPDATE loyalty_redemption_tokens SET consumed_by = @order, consumed_at = @at WHERE token_hash = @hash AND consumed_by IS NULL", transaction)
                .With("@order", order.ToString("D")).With("@at", StoredTime.Text(now)).With("@hash", hash).ExecuteAsync(cancellationToken);
            Invariant.Assert(updated == 1);
        }
    }

    private static bool HasLoyalty(OrderDto order) =>
        order.Loyalty is { EarnPoints: > 0 } or { BurnPoints: > 0 } or { RedemptionToken: not null } || LoyaltyTenderPaise(order) > 0;

    private static long LoyaltyTenderPaise(OrderDto order) =>
        order.Payments.Where(p => p.Method == PaymentMethods.Loyalty).Aggregate(0L, (sum, p) => checked(sum + p.AmountPaise));

    private sealed record StoredToken(string Hash, string Phone, long TillId, long Points, DateTimeOffset ExpiresAt, string? ConsumedBy);
}
