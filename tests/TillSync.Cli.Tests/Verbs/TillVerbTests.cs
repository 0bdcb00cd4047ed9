// Proves the operator commands work against a real running till: `tillsync till status` prints the queue and the link,
// `tillsync till sync-now` wakes the agent, and both say clearly when no till answers; a till whose till.db is not a
// database says so, names the file, exits 3 and leaves it alone. Real HQ, till and CLI processes; and that `tillsync till`
// refuses, before starting, an address beyond loopback without --allow-lan, a bad host name, or a --mirror that is the
// data directory itself.
using TillSync.Cli.Verbs;
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

    [Fact]
    public async Task Till_DatabaseIsNotASqliteFile_SaysWhichFileAndExits3WithoutAStackTraceOrChange()
    {
        var dataDir = TempDirectory.Create("till");
        try
        {
            var file = Path.Combine(dataDir, "till.db");
            var garbage = Enumerable.Range(0, 16_384).Select(i => (byte)(i * 31 % 251)).ToArray();
            await File.WriteAllBytesAsync(file, garbage);

            var (exit, output) = await CliProcess.RunAsync(new Dictionary<string, string> { ["TILLSYNC_TOKEN"] = "till_not-used-before-the-database-opens" },
                "till", "--hq", "http://127.0.0.1:9", "--data", dataDir, "--urls", "http://127.0.0.1:0");

            Assert.Equal(TillVerb.UnreadableDataExitCode, exit);
            Assert.Contains($"till: {file} cannot be read", output, StringComparison.Ordinal);
            Assert.Contains("changed nothing", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
            Assert.Equal(garbage, await File.ReadAllBytesAsync(file));
        }
        finally
        {
            await TempDirectory.DeleteAsync(dataDir);
        }
    }

    [Fact]
    public async Task Till_UrlsBeyondLoopbackWithoutAllowLan_ExitsWithTheReason()
    {
        var (exit, output) = await InProcessCli.RunAsync("till", "--token", "t", "--data", Path.GetTempPath(), "--urls", "http://0.0.0.0:5090");

        Assert.Equal(2, exit);
        Assert.Contains("till: --urls http://0.0.0.0:5090 can be reached from other machines, and the till's API has no sign-in", output, StringComparison.Ordinal);
        Assert.Contains("--allow-lan", output, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Till_MirrorIsTheDataDirectory_ExitsWithTheReason()
    {
        var (exit, output) = await InProcessCli.RunAsync("till", "--token", "t", "--data", Path.GetTempPath(), "--mirror", Path.GetTempPath());

        Assert.Equal(2, exit);
        Assert.Contains("is the data directory itself; name a directory on another device", output, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Till_AllowedHostsNotAHostName_ExitsWithTheReason()
    {
        var (exit, output) = await InProcessCli.RunAsync("till", "--token", "t", "--data", Path.GetTempPath(), "--allowed-hosts", "till.shop.lan,https://till.shop.lan");

        Assert.Equal(2, exit);
        Assert.Contains("till: --allowed-hosts: 'https://till.shop.lan' is not a host name", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Till_Help_ExplainsTheBoundaryOptionsAndTheirTwins()
    {
        var (exit, help) = await InProcessCli.RunAsync("till", "--help");

        Assert.Equal(0, exit);
        foreach (var text in new[] { "--allow-lan", "TILLSYNC_ALLOW_LAN", "--allowed-hosts", "TILLSYNC_ALLOWED_HOSTS", "no sign-in" })
        {
            Assert.Contains(text, help, StringComparison.Ordinal);
        }
    }

    private static Task<(int Exit, string Output)> RunAsync(params string[] arguments) => CliProcess.RunAsync(arguments);
}
