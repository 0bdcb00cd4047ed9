namespace TillSync.Contracts.Loyalty;

/// <summary>The outcome of entering a code; every outcome is audited.</summary>
/// <param name="Status">One of <see cref="RedemptionStatuses"/>.</param>
/// <param name="RedemptionToken">With <c>redeemed</c>: the single-use token the sale carries in <c>loyalty.redemptionToken</c>.</param>
/// <param name="Points">Points the token burns.</param>
/// <param name="ExpiresAt">With <c>redeemed</c>: the sale must be made by then.</param>
/// <param name="AttemptsLeft">Wrong codes still allowed before the request locks.</param>
/// <param name="Detail">A sentence for the cashier.</param>
public sealed record RedemptionView(string Status, string? RedemptionToken, long Points, DateTimeOffset? ExpiresAt, int AttemptsLeft, string Detail);

/// <summary>The <c>status</c> strings of <see cref="RedemptionView"/>.</summary>
public static class RedemptionStatuses
{
    /// <summary>The code matched; a token was issued.</summary>
    public const string Redeemed = "redeemed";

    /// <summary>The code did not match; try again while attempts are left.</summary>
    public const string WrongCode = "wrong_code";

    /// <summary>The code's time ran out; request a new one.</summary>
    public const string Expired = "expired";

    /// <summary>Too many wrong codes, or the code was already used: request a new one.</summary>
    public const string Locked = "locked";
}
