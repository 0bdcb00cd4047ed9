// A real `tillsync till` pointed at an HQ, with a short sync backoff so that it notices HQ coming back within
// seconds; waits until the till holds a catalogue snapshot, since the cashier page sells from it.
using System.Diagnostics;
using System.Text.Json;
using Xunit.Sdk;

namespace TillSync.Browser.Tests.Harness;

/// <summary>One till process with its data dir. Dispose kills it and deletes the data dir.</summary>
public sealed class TillServer : IDisposable
{
    private static readonly TimeSpan SnapshotTimeout = TimeSpan.FromSeconds(60);

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

    /// <summary>Starts the till and waits until it has taken its first catalogue snapshot from HQ.</summary>
    public static async Task<TillServer> StartAsync(Uri hq, string token)
    {
        var dataDir = TempDirs.Create("till");
        ServerProcess process;
        try
        {
            process = await ServerProcess.StartAsync("till",
                ["--hq", hq.ToString(), "--token", token, "--data", dataDir, "--urls", "http://127.0.0.1:0", "--sync-backoff-max", "2s"]);
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

    /// <summary>The till's recent output, for failure messages.</summary>
    public string Output(int lastLines = 60) => process.Output(lastLines);

    public void Dispose()
    {
        process.Dispose();
        TempDirs.Delete(dataDir);
    }

    private async Task WaitForSnapshotAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < SnapshotTimeout)
        {
            try
            {
                last = await client.GetStringAsync(new Uri("/api/status", UriKind.Relative));
                using var status = JsonDocument.Parse(last);
                if (status.RootElement.TryGetProperty("snapshotTakenAt", out var taken) && taken.ValueKind == JsonValueKind.String)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not answering yet, or slowly on a busy machine: ask again until the deadline.
                last = e.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new XunitException($"The till took no catalogue snapshot within {SnapshotTimeout.TotalSeconds} s. Last /api/status: {last}\n--- till output ---\n{Output()}");
    }
}
