using System.Globalization;
using System.Text;
using TillSync.Simulation.Invariants;

namespace TillSync.Simulation.Runs;

/// <summary>What a run did and whether every invariant held.</summary>
/// <param name="Options">The run's options (its seed among them).</param>
/// <param name="TraceHash">SHA-256 of the event trace: the same seed gives the same hash.</param>
/// <param name="Events">Events in the trace.</param>
/// <param name="SimulatedSpan">Simulated time from the first sale to the end of the drain.</param>
/// <param name="Tills">One row per till.</param>
/// <param name="Faults">What struck, by name, in report order.</param>
/// <param name="Floor">What the shop floor did besides selling (shifts and cash, returns and how they were found and refunded,
/// the manager's decisions), by name.</param>
/// <param name="EInvoicing">What became of the B2B documents at the portal, and the manager's cancellations, by name.</param>
/// <param name="Verdicts">Each invariant's verdict.</param>
/// <param name="TraceTail">The last events, for a failure message.</param>
public sealed record SimulationReport(
    SimulationOptions Options, string TraceHash, long Events, TimeSpan SimulatedSpan, IReadOnlyList<TillRow> Tills,
    IReadOnlyList<(string Fault, int Count)> Faults, IReadOnlyList<(string What, int Count)> Floor, IReadOnlyList<(string What, int Count)> EInvoicing,
    IReadOnlyList<Verdict> Verdicts, IReadOnlyList<string> TraceTail)
{
    /// <summary>True when every invariant holds.</summary>
    public bool AllHold => Verdicts.All(v => v.Holds);

    /// <summary>The reconciliation report as text tables.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        var o = Options;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Simulation seed {o.Seed}: {o.Tills} tills, {o.Orders} orders, fault rate {o.FaultRate:0.###}; {SimulatedSpan.TotalHours:0.0} h simulated, {Events} events, trace {TraceHash[..16]}");
        text.AppendLine();
        var rows = Tills.Select(t => new[]
        {
            $"T{t.Number}", N(t.Recorded), N(t.AtHq), N(t.Returns), N(t.ReturnsAtHq), N(t.Shifts), N(t.ShiftsAtHq), N(t.DuplicatesSuppressed), N(t.Conflicts), N(t.Rejections),
            N(t.StockShortfalls), N(t.Crashes),
        }).ToList();
        rows.Add(["total", N(Tills.Sum(t => t.Recorded)), N(Tills.Sum(t => t.AtHq)), N(Tills.Sum(t => t.Returns)), N(Tills.Sum(t => t.ReturnsAtHq)),
            N(Tills.Sum(t => t.Shifts)), N(Tills.Sum(t => t.ShiftsAtHq)),
            N(Tills.Sum(t => t.DuplicatesSuppressed)), N(Tills.Sum(t => t.Conflicts)), N(Tills.Sum(t => t.Rejections)), N(Tills.Sum(t => t.StockShortfalls)),
            N(Tills.Sum(t => t.Crashes))]);
        Table(text, ["till", "recorded", "at HQ", "returns", "returns at HQ", "Z reports", "Z at HQ", "duplicates suppressed", "conflicts", "rejections", "stock shortfalls", "crashes"], rows,
            rightFrom: 1);
        text.AppendLine();
        Table(text, ["fault", "count"], [.. Faults.Select(f => new[] { f.Fault, N(f.Count) })], rightFrom: 1);
        text.AppendLine();
        if (Floor.Count > 0)
        {
            Table(text, ["shop floor", "count"], [.. Floor.Select(f => new[] { f.What, N(f.Count) })], rightFrom: 1);
            text.AppendLine();
        }

        if (EInvoicing.Count > 0)
        {
            Table(text, ["e-invoicing", "count"], [.. EInvoicing.Select(e => new[] { e.What, N(e.Count) })], rightFrom: 1);
            text.AppendLine();
        }

        Table(text, ["invariant", "verdict", "detail"], [.. Verdicts.Select(v => new[] { v.Invariant, v.Holds ? "holds" : "VIOLATED", v.Message })], rightFrom: 3);
        text.AppendLine();
        text.AppendLine(AllHold
            ? "Every invariant holds."
            : string.Create(CultureInfo.InvariantCulture, $"{Verdicts.Count(v => !v.Holds)} invariants violated; replay with --seed {o.Seed}."));
        return text.ToString();
    }

    /// <summary>A failure message for a test: the seed, how to replay it, the violated invariants and the trace's end.</summary>
    public string FailureText() => new StringBuilder()
        .AppendLine(CultureInfo.InvariantCulture, $"Simulation seed {Options.Seed} violated invariants; replay with TILLSYNC_SEED={Options.Seed}.")
        .AppendJoin(Environment.NewLine, Verdicts.Where(v => !v.Holds).Select(v => $"  {v.Invariant}: {v.Message}")).AppendLine()
        .AppendLine("Last events:")
        .AppendJoin(Environment.NewLine, TraceTail.Select(l => "  " + l)).AppendLine()
        .ToString();

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Table(StringBuilder text, string[] header, List<string[]> rows, int rightFrom)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        void Line(string[] cells) => text.AppendLine(string.Join("  ", cells.Select((c, i) => Pad(c, widths[i], i >= rightFrom))).TrimEnd());
        Line(header);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Line(row);
        }
    }

    private static string Pad(string cell, int width, bool right) => right ? cell.PadLeft(width) : cell.PadRight(width);
}
