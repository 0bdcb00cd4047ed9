namespace TillSync.Hq.Loyalty;

/// <summary>How HQ runs loyalty.</summary>
/// <param name="LogCodes">Log each one-time code (the demo and tests, which have no SMS gateway); never in production,
/// where the code only leaves HQ through the outbox.</param>
public sealed record LoyaltyOptions(bool LogCodes);
