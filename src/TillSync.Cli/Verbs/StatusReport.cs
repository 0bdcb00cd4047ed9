using System.Globalization;
using System.Text;
using TillSync.Till.Web;

namespace TillSync.Cli.Verbs;

/// <summary>A till's status as a small table for operators.</summary>
public static class StatusReport
{
    /// <summary>The table.</summary>
    public static string Render(TillStatusView status)
    {
        var rows = new List<(string, string)>
        {
            ("till", $"{status.TillName ?? "(no snapshot yet)"} ({status.BillPrefix ?? "-"})"),
            ("link", status.Online ? "online" : $"{(status.SyncState == "failing" ? "FAILING" : "OFFLINE")}{(status.OfflineSince is { } since ? $" for {Age(status.Now - since)}" : "")}"),
            ("documents waiting", status.QueueDepth.ToString(CultureInfo.InvariantCulture)),
            ("oldest unsynced", status.OldestUnsyncedAt is { } oldest ? $"{Age(status.Now - oldest)} ago ({oldest:yyyy-MM-dd HH:mm:ss}Z)" : "-"),
            ("last sync", status.LastSyncAt is { } last ? $"{Age(status.Now - last)} ago" : "never"),
            ("last outcome", status.LastSyncOutcome ?? "-"),
            ("next attempt", status.RetryAt is { } retry && !status.Online ? $"in {Age(retry - status.Now)}" : "-"),
            ("catalogue", status.SnapshotTakenAt is { } taken ? $"{Age(status.Now - taken)} old" : "none yet"),
            ("needs attention", status.AttentionCount.ToString(CultureInfo.InvariantCulture)),
            ("receipt key", status.ReceiptKey ?? "not yet registered at HQ"),
            ("document log", status.Chain ?? "nothing wrong against HQ's last signed statement"),
            ("version", status.Version ?? "unknown (a till of an earlier release)"),
        };
        var width = rows.Max(r => r.Item1.Length);
        var text = new StringBuilder();
        foreach (var (name, value) in rows)
        {
            text.Append(name.PadRight(width)).Append("  ").AppendLine(value);
        }

        return text.ToString();
    }

    private static string Age(TimeSpan age) => age switch
    {
        { TotalSeconds: < 0 } => "0 s",
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{age.TotalSeconds:0} s"),
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{age.TotalMinutes:0} min"),
        { TotalDays: < 2 } => string.Create(CultureInfo.InvariantCulture, $"{age.TotalHours:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{age.TotalDays:0.#} days"),
    };
}
