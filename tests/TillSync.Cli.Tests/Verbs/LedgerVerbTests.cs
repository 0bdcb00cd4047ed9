// Proves `tillsync ledger export` writes a journal the real hledger accepts, with a progress bar that reaches the
// number of entries, and `tillsync ledger trial-balance` prints HQ's trial balance as a table; a missing token or a
// bad date gets a readable message and a non-zero exit. Runs the real command line in-process against a real HQ.
using TillSync.Cli.Verbs;
using TillSync.Testing;

namespace TillSync.Cli.Tests.Verbs;

[Collection("environment")] // the verb reads TILLSYNC_* variables
public sealed class LedgerVerbTests(HqFixture fixture) : IClassFixture<HqFixture>, IAsyncLifetime
{
    private readonly string _files = TempDirectory.Create("ledger-cli");

    [Fact]
    public async Task Export_WritesAJournalHledgerChecks_WithProgressToTheEnd()
    {
        var till = await fixture.EnrolTillAsync();
        await till.SyncAsync(till.Orders.NextBatch(40));
        var file = Path.Combine(_files, "books.journal");
        var trialBalance = await new LedgerClient(fixture.Hq).TrialBalanceAsync();

        var (exit, output, progress) = await RunAsync("ledger", "export", "--format", "hledger", "--out", file, "--hq", Hq, "--token", fixture.Hq.AdminToken);

        Assert.True(exit == 0, output);
        Assert.Contains($"{trialBalance.Entries} entries written", output, StringComparison.Ordinal);
        Assert.EndsWith($"[{new string('#', 30)}] {trialBalance.Entries}/{trialBalance.Entries}", progress.TrimEnd(), StringComparison.Ordinal);
        var (checkExit, checkOutput) = await Hledger.RunAsync(file, "check", "--strict");
        Assert.True(checkExit == 0, checkOutput);
        Assert.Equal(trialBalance.Rows.Where(r => r.BalancePaise != 0).ToDictionary(r => r.Account, r => r.BalancePaise),
            await Hledger.BalancesPaiseAsync(file));
    }

    [Fact]
    public async Task TrialBalance_PrintsEveryAccountAndSaysBalanced()
    {
        var till = await fixture.EnrolTillAsync();
        await till.SyncAsync(till.Orders.NextBatch(5));

        var (exit, output, _) = await RunAsync("ledger", "trial-balance", "--hq", Hq, "--token", fixture.Hq.AdminToken);

        Assert.Equal(0, exit);
        Assert.Contains("revenue:sales", output, StringComparison.Ordinal);
        Assert.Contains("assets:inventory", output, StringComparison.Ordinal);
        Assert.Contains("balanced", output, StringComparison.Ordinal);
        Assert.DoesNotContain("DOES NOT BALANCE", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingToken_SaysHowToGetOne()
    {
        Environment.SetEnvironmentVariable("TILLSYNC_MANAGER_TOKEN", null);

        var (exit, output, _) = await RunAsync("ledger", "trial-balance", "--hq", Hq);

        Assert.Equal(2, exit);
        Assert.Contains("--token (or --token-file, TILLSYNC_MANAGER_TOKEN, TILLSYNC_MANAGER_TOKEN_FILE) is required", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadDate_ShowsHqsExplanation()
    {
        var (exit, output, _) = await RunAsync("ledger", "export", "--from", "28/11/2026", "--hq", Hq, "--token", fixture.Hq.AdminToken);

        Assert.Equal(1, exit);
        Assert.Contains("HQ answered 400", output, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", output, StringComparison.Ordinal);
    }

    private string Hq => fixture.Hq.BaseAddress.ToString();

    private static async Task<(int Exit, string Output, string Progress)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var progress = new StringWriter();
        var parse = TillSyncCommand.Create(output, progress).Parse(args);
        parse.InvocationConfiguration.Output = output;
        parse.InvocationConfiguration.Error = output;
        var exit = await parse.InvokeAsync();
        return (exit, output.ToString(), progress.ToString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TempDirectory.DeleteAsync(_files);
}
