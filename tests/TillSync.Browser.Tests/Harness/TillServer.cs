// A real `tillsync till` pointed at an HQ, with a short sync backoff so that it notices HQ coming back within
// seconds; waits until the till holds a catalogue snapshot, since the cashier page sells from it.
using System.Text.Json;
using TillSync.Testing;
using Xunit.Sdk;

namespace TillSync.Browser.Tests.Harness;

/// <summary>One till process with its data dir. Dispose kills it and deletes the data dir.</summary>
public sealed class TillServer : IDisposable
{
    private static readonly TimeSpan SnapshotTimeout = Patience.Exchanges;

    private readonly ServerProcess process;
    private readonly string dataDir;

    private TillServer(ServerProcess process, string dataDir)
    {
        this.process = process;
        this.dataDir = dataDir;
    }

    /// <summary>The cashier page and the local API.</summary>
    public Uri Address => process.BaseAddress;

    /// <summary>Holds the till's till.db and receipt key.</summary>
    public string DataDir => dataDir;

    /// <summary>Starts the till and waits until it has taken its first catalogue snapshot from HQ. With
    /// <paramref name="fixedPort"/> it listens on a loopback port chosen here, so that <see cref="RestartAsync"/> brings it
    /// back at the same address (the page's origin).</summary>
    public static async Task<TillServer> StartAsync(Uri hq, string token, bool fixedPort = false)
    {
        var urls = fixedPort ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{HqServer.FreeLoopbackPort()}") : "http://127.0.0.1:0";
        var dataDir = TempDirs.Create("till");
        ServerProcess process;
        try
        {
            process = await ServerProcess.StartAsync("till",
                ["--hq", hq.ToString(), "--data", dataDir, "--urls", urls, "--sync-backoff-max", "2s"],
                new Dictionary<string, string>(StringComparer.Ordinal) { ["TILLSYNC_TOKEN"] = token });
        }
        catch
        {
            TempDirs.Delete(dataDir);
            throw;
        }

        var till = new TillServer(process, dataDir);
        try
        {
            await till.WaitForSnapshotAsync();
        }
        catch
        {
            till.Dispose();
            throw;
        }

        return till;
    }

    /// <summary>Kills the till with SIGKILL and starts it again on the same data (and, when started with a fixed port,
    /// the same address); waits until it answers with its snapshot.</summary>
    public async Task RestartAsync()
    {
        var before = Address;
        await process.RestartAsync();
        if (process.BaseAddress != before)
        {
            throw new InvalidOperationException($"The till came back on {process.BaseAddress}, not {before}: start it with a fixed port.");
        }

        await WaitForSnapshotAsync();
    }

    /// <summary>The till's recent output, for failure messages.</summary>
    public string Output(int lastLines = 60) => process.Output(lastLines);

    public void Dispose()
    {
        process.Dispose();
        TempDirs.Delete(dataDir);
    }

    private async Task WaitForSnapshotAsync()
    {
        // Only the deadline bounds the wait, not each request: on a busy machine a till that has just started can take
        // longer than any per-request timeout to answer its first request (JIT, opening its database).
        using var client = new HttpClient { BaseAddress = Address, Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = new CancellationTokenSource(SnapshotTimeout);
        var last = "";
        try
        {
            while (true)
            {
                try
                {
                    last = await client.GetStringAsync(new Uri("/api/status", UriKind.Relative), deadline.Token);
                    using var status = JsonDocument.Parse(last);
                    if (status.RootElement.TryGetProperty("snapshotTakenAt", out var taken) && taken.ValueKind == JsonValueKind.String)
                    {
                        return;
                    }
                }
                catch (HttpRequestException e)
                {
                    last = e.Message;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new XunitException($"The till took no catalogue snapshot within {SnapshotTimeout.TotalSeconds} s. Last /api/status: {last}\n--- till output ---\n{Output()}");
        }
    }
}
