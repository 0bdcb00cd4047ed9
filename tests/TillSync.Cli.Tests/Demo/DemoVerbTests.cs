// Proves `tillsync demo` is the one command a person runs: it seeds HQ and two tills, prints every URL and token, serves
// the cashier pages, stops cleanly on Ctrl-C (SIGINT), and a second run carries on with the same data. Real process.
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using TillSync.Testing;

namespace TillSync.Cli.Tests.Demo;

[System.Runtime.Versioning.SupportedOSPlatform("linux")] // Unix file modes
public sealed partial class DemoVerbTests : IDisposable
{
    // Bounds a demo that hangs: on a busy machine, seeding HQ and starting two tills and the IRP took over a minute.
    private static readonly TimeSpan StepTimeout = Patience.ProcessStart;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "tillsync-demo-tests", Guid.CreateVersion7().ToString("N"));

    [Fact]
    public async Task Demo_FirstAndSecondRun_SeedsOnceServesTillsAndStopsOnCtrlC()
    {
        var hqPort = FreePort();
        var tillPort = FreePort();
        var irpPort = FreePort();
        var first = await RunUntilBannerAsync(hqPort, tillPort, irpPort);
        Assert.Contains("TillSync demo is running. Data:", first.Banner, StringComparison.Ordinal);
        var token = ManagerToken().Match(first.Banner).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), first.Banner);
        Assert.Contains($"http://127.0.0.1:{tillPort}/", first.Banner, StringComparison.Ordinal);
        Assert.Contains($"IRP simulator  http://127.0.0.1:{irpPort}", first.Banner, StringComparison.Ordinal);
        using (var keys = await new HttpClient().GetAsync(new Uri($"http://127.0.0.1:{irpPort}/eicore/v1.03/keys")))
        {
            Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{hqPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var products = await http.GetFromJsonAsync<JsonDocument>("/api/v1/products");
        Assert.True(products!.RootElement.GetArrayLength() >= 50, "the demo catalogue has at least 50 products");
        Assert.Contains(products.RootElement.EnumerateArray(), p => p.GetProperty("unit").GetString() == "KGS");
        Assert.True(products.RootElement.EnumerateArray().Select(p => p.GetProperty("gstRateBp").GetInt32()).Distinct().Count() >= 3);
        using var tills = await http.GetFromJsonAsync<JsonDocument>("/api/v1/tills");
        Assert.Equal(2, tills!.RootElement.GetArrayLength());
        foreach (var port in new[] { tillPort, tillPort + 1 })
        {
            using var page = await new HttpClient().GetAsync(new Uri($"http://127.0.0.1:{port}/"));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.DoesNotContain("warning", first.Banner, StringComparison.Ordinal);
        OwnerOnlyAssert.Directory(_data);
        OwnerOnlyAssert.Files(Path.Combine(_data, "demo.json"), Path.Combine(_data, "hq", "hq.db"), Path.Combine(_data, "till-1", "till.db"),
            Path.Combine(_data, "irp", "irp.db"), Path.Combine(_data, "irp", "irp-signing-key.pem"));
        Assert.Equal(0, await InterruptAsync(first.Process));
        Assert.Contains("demo: stopped", first.Output(), StringComparison.Ordinal);

        var second = await RunUntilBannerAsync(hqPort, tillPort, irpPort);
        Assert.Contains("data reused from the last run", second.Banner, StringComparison.Ordinal);
        Assert.Equal(token, ManagerToken().Match(second.Banner).Groups[1].Value);
        using var tillsAgain = await http.GetFromJsonAsync<JsonDocument>("/api/v1/tills");
        Assert.Equal(2, tillsAgain!.RootElement.GetArrayLength()); // not enrolled twice
        Assert.Equal(0, await InterruptAsync(second.Process));
    }

    [Fact]
    public async Task Demo_WeakSavedManagerToken_WarnsAndRuns()
    {
        Directory.CreateDirectory(_data);
        await File.WriteAllTextAsync(Path.Combine(_data, "demo.json"), """{ "adminToken": "T", "tills": [] }""");

        var run = await RunUntilBannerAsync(FreePort(), FreePort(), FreePort());

        Assert.Contains("demo: warning: the manager token is too weak", run.Banner, StringComparison.Ordinal);
        Assert.Contains("TillSync demo is running (data reused from the last run)", run.Banner, StringComparison.Ordinal);
        Assert.Equal(0, await InterruptAsync(run.Process));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private async Task<DemoRun> RunUntilBannerAsync(int hqPort, int tillPort, int irpPort)
    {
        // Started as from a terminal, where Ctrl-C reaches the process: a shell that runs the suite in the background
        // (`scripts/test.sh &`) starts it with SIGINT ignored, every child inherits that, and the .NET runtime leaves an
        // inherited ignored SIGINT alone. `env --default-signal=INT` (coreutils) restores it and then becomes dotnet.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "tillsync.dll"), "demo", "--data", _data,
                     "--hq-url", $"http://127.0.0.1:{hqPort}", "--till-port", tillPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--irp-url", $"http://127.0.0.1:{irpPort}"])
        {
            start.ArgumentList.Add(argument);
        }

        var run = new DemoRun(Process.Start(start)!);
        using var timeout = new CancellationTokenSource(StepTimeout);
        try
        {
            await run.WaitForAsync("Ctrl-C stops everything", timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            run.Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the demo printed no banner within {StepTimeout.TotalMinutes} min:\n{run.Output()}");
        }

        return run;
    }

    // Ctrl-C: SIGINT to the process, then its exit code.
    private static async Task<int> InterruptAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(StepTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    private static int FreePort()
    {
        // The demo's second till takes the next port, so look for two free ones in a row.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            try
            {
                using var next = new TcpListener(IPAddress.Loopback, port + 1);
                next.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("no two free loopback ports in a row");
    }

    [GeneratedRegex(@"manager token\s+(\S+)")]
    private static partial Regex ManagerToken();

    private sealed class DemoRun
    {
        private readonly List<string> _lines = [];
        private readonly Lock _gate = new();

        public DemoRun(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Banner { get; private set; } = "";

        public string Output()
        {
            lock (_gate)
            {
                return string.Join('\n', _lines);
            }
        }

        public async Task WaitForAsync(string text, CancellationToken cancellationToken)
        {
            while (!Output().Contains(text, StringComparison.Ordinal))
            {
                if (Process.HasExited)
                {
                    throw new InvalidOperationException($"the demo exited with {Process.ExitCode}:\n{Output()}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }

            Banner = Output();
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_gate)
                {
                    _lines.Add(line);
                }
            }
        }
    }
}
