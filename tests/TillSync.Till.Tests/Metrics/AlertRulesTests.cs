// Proves the alert rules docs/operations.md recommends are valid Prometheus rules (`promtool check rules`) and fire as
// documented — a till silent for an hour, a queue older than a day, e-invoices near the 30-day limit or parked, database
// errors, HQ down — and not before (`promtool test rules` on docs/alerts/tillsync.rules.test.yml's series).
using System.Diagnostics;
using TillSync.Testing;

namespace TillSync.Till.Tests.Metrics;

public sealed class AlertRulesTests
{
    private static readonly string Alerts = Path.Combine(RepositoryRoot.Path, "docs", "alerts");

    [Fact]
    public async Task AlertRules_PassPromtoolCheck()
    {
        var (exit, output) = await PromtoolAsync("check", "rules", "tillsync.rules.yml");

        Assert.True(exit == 0, output);
        Assert.Contains("SUCCESS: 6 rules found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertRules_FireOnTheirSeriesAfterTheirForAndNotBefore()
    {
        var (exit, output) = await PromtoolAsync("test", "rules", "tillsync.rules.test.yml");

        Assert.True(exit == 0, output);
    }

    private static async Task<(int Exit, string Output)> PromtoolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("promtool") { WorkingDirectory = Alerts, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var promtool = Process.Start(start)!;
        var errors = promtool.StandardError.ReadToEndAsync();
        var output = await promtool.StandardOutput.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        return (promtool.ExitCode, output + await errors);
    }
}
