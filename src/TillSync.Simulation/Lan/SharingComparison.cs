using System.Globalization;
using System.Text;
using TillSync.Simulation.Runs;

namespace TillSync.Simulation.Lan;

/// <summary>One seed run twice with the same WAN-only outages and the same stock-minded cashier (ADR 0022): once with the
/// store LAN sharing the tills' logs (<see cref="LanScenario.WanOnlySharing"/>), once without
/// (<see cref="LanScenario.WanOnlyNoSharing"/>); the stock shortfalls are the sales HQ flagged <c>stock_short</c>.</summary>
/// <param name="WithSharing">The run with sharing.</param>
/// <param name="WithoutSharing">The run without.</param>
public sealed record SharingComparison(SimulationReport WithSharing, SimulationReport WithoutSharing)
{
    /// <summary>Sales HQ flagged <c>stock_short</c> with sharing.</summary>
    public int ShortfallsWithSharing => WithSharing.Tills.Sum(t => t.StockShortfalls);

    /// <summary>Sales HQ flagged <c>stock_short</c> without sharing.</summary>
    public int ShortfallsWithoutSharing => WithoutSharing.Tills.Sum(t => t.StockShortfalls);

    /// <summary>True when every invariant of both runs holds.</summary>
    public bool AllHold => WithSharing.AllHold && WithoutSharing.AllHold;

    /// <summary>Runs <paramref name="options"/>'s seed both ways.</summary>
    public static async Task<SharingComparison> RunAsync(SimulationOptions options, Action<SimulationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var with = await Simulator.RunAsync(options with { Lan = LanScenario.WanOnlySharing }, progress, cancellationToken);
        var without = await Simulator.RunAsync(options with { Lan = LanScenario.WanOnlyNoSharing }, progress, cancellationToken);
        return new SharingComparison(with, without);
    }

    /// <summary>The cut in shortfalls, in percent of the shortfalls without sharing (100 when sharing left none; 0 when
    /// there were none to cut).</summary>
    public static double CutPercent(int withSharing, int withoutSharing) =>
        withoutSharing == 0 ? 0 : 100.0 * (withoutSharing - withSharing) / withoutSharing;

    /// <summary>Both runs' tables and, at the end, the two figures side by side.</summary>
    public string Render()
    {
        var o = WithSharing.Options;
        return new StringBuilder()
            .AppendLine("With store LAN sharing:").Append(WithSharing.Render()).AppendLine()
            .AppendLine("Without sharing:").Append(WithoutSharing.Render()).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Seed {o.Seed}, WAN-only outages, cashier selling within the till's stock view:")
            .AppendLine("sharing   oversold sales (stock_short)  sales at HQ")
            .AppendLine("-------   ----------------------------  -----------")
            .AppendLine(CultureInfo.InvariantCulture, $"with      {ShortfallsWithSharing,28}  {WithSharing.Tills.Sum(t => t.AtHq),11}")
            .AppendLine(CultureInfo.InvariantCulture, $"without   {ShortfallsWithoutSharing,28}  {WithoutSharing.Tills.Sum(t => t.AtHq),11}")
            .AppendLine(CultureInfo.InvariantCulture, $"Sharing cuts stock shortfalls by {CutPercent(ShortfallsWithSharing, ShortfallsWithoutSharing):0.0} %.")
            .ToString();
    }
}
