namespace TillSync.Contracts.Loyalty;

/// <summary>A customer's balance and newest movements (<c>GET /api/v1/loyalty/customers/{phone}</c>).</summary>
/// <param name="Phone">The customer.</param>
/// <param name="BalancePoints">Σ of all the customer's movements.</param>
/// <param name="BalancePaise">The balance at the current burn value, in paise.</param>
/// <param name="Movements">The newest movements first (those before <c>before=</c> when it is given), at most the page size.</param>
/// <param name="NextBefore">The cursor of the next (older) page, <c>before=</c> this page's oldest movement id; null on
/// the last page.</param>
public sealed record LoyaltyCustomerView(
    string Phone, long BalancePoints, long BalancePaise, IReadOnlyList<LoyaltyMovementView> Movements,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] long? NextBefore = null);

/// <summary>One change to a customer's balance.</summary>
/// <param name="MovementId">Ascending in the order HQ wrote them.</param>
/// <param name="Kind"><c>earn</c>, <c>burn</c> or <c>adjustment</c>.</param>
/// <param name="Points">Signed: earn positive, burn negative.</param>
/// <param name="ClientOrderId">The sale, for earn and burn.</param>
/// <param name="ReviewId">The review item, for an adjustment.</param>
/// <param name="TillId">The till of the sale.</param>
/// <param name="CreatedAt">When HQ wrote it.</param>
/// <param name="BalanceAfterPoints">The customer's balance right after this movement (Σ of it and every older one).</param>
public sealed record LoyaltyMovementView(
    long MovementId, string Kind, long Points, Guid? ClientOrderId, long? ReviewId, long? TillId, DateTimeOffset CreatedAt,
    long BalanceAfterPoints);
