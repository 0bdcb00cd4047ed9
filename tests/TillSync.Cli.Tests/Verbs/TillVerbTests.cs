// Proves the operator commands work against a real running till: `tillsync till status` prints the queue and the link,
// `tillsync till sync-now` wakes the agent, and both say clearly when no till answers. Real HQ, till and CLI processes.
using System.Diagnostics;
using TillSync.Testing;

namespace TillSync.Cli.Tests.Verbs;

public sealed class TillVerbTests
{
    [Fact]
    public async Task StatusAndSyncNow_AgainstRunningTill_PrintQueueAndLink()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var enrolled = await HqScenario.EnrolTillAsync(hq);
        await using var till = await TillProcess.StartAsync(hq.BaseAddress, enrolled.Token);
        await till.Api.WaitOnlineAsync();

        var (syncExit, syncOutput) = await RunAsync("till", "sync-now", "--till-url", till.Api.BaseAddress.ToString());
        var (statusExit, status) = await RunAsync("till", "status", "--till-url", till.Api.BaseAddress.ToString());

        Assert.Equal(0, syncExit);
        Assert.Contains("woken", syncOutput, StringComparison.Ordinal);
        Assert.Equal(0, statusExit);
        Assert.Contains(enrolled.BillPrefix, status, StringComparison.Ordinal);
        Assert.Matches(@"link\s+online", status);
        Assert.Matches(@"documents waiting\s+0", status);
        Assert.Matches(@"oldest unsynced\s+-", status);
    }

    [Fact]
    public async Task Status_NoTillListening_SaysSoAndFails()
    {
        var (exit, output) = await RunAsync("till", "status", "--till-url", "http://127.0.0.1:9");

        Assert.Equal(1, exit);
        Assert.Contains("no till answers at http://127.0.0.1:9", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tillsync.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
