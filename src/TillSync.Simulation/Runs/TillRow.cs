namespace TillSync.Simulation.Runs;

/// <summary>One till's line of the reconciliation report.</summary>
/// <param name="Number">The till's number.</param>
/// <param name="Recorded">Sales the till recorded (an exchange's new sale included).</param>
/// <param name="AtHq">Orders HQ holds for it.</param>
/// <param name="DuplicatesSuppressed">Replays HQ answered <c>duplicate</c> instead of billing again.</param>
/// <param name="Conflicts">HQ's <c>conflict</c> answers.</param>
/// <param name="Rejections">Orders HQ rejected.</param>
/// <param name="StockShortfalls">Its orders HQ flagged <c>stock_short</c>.</param>
/// <param name="Crashes">Times the till crashed.</param>
/// <param name="Returns">Returns the till recorded.</param>
/// <param name="ReturnsAtHq">Credit notes HQ holds for it.</param>
/// <param name="Shifts">Shifts it closed (Z reports).</param>
/// <param name="ShiftsAtHq">Its closed shifts HQ holds.</param>
public sealed record TillRow(
    int Number, int Recorded, int AtHq, int DuplicatesSuppressed, int Conflicts, int Rejections, int StockShortfalls, int Crashes, int Returns, int ReturnsAtHq,
    int Shifts, int ShiftsAtHq);
