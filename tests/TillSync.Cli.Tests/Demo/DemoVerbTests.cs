// Proves `tillsync demo` is the one command a person runs: it seeds HQ and two tills, prints every URL and token, serves
// the cashier pages, stops cleanly on Ctrl-C (SIGINT), and a second run carries on with the same data. Real process.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TillSync.Testing;

namespace TillSync.Cli.Tests.Demo;

[System.Runtime.Versioning.SupportedOSPlatform("linux")] // Unix file modes
public sealed class DemoVerbTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "tillsync-demo-tests", Guid.CreateVersion7().ToString("N"));

    [Fact]
    public async Task Demo_FirstAndSecondRun_SeedsOnceServesTillsAndStopsOnCtrlC()
    {
        var hqPort = DemoProcess.FreePortPair();
        var tillPort = DemoProcess.FreePortPair();
        var irpPort = DemoProcess.FreePortPair();
        using var first = await DemoProcess.StartAsync(_data, hqPort, tillPort, irpPort);
        Assert.Contains("TillSync demo is running. Data:", first.Banner, StringComparison.Ordinal);
        var token = first.ManagerToken;
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
        Assert.Equal(0, await first.InterruptAsync());
        Assert.Contains("demo: stopped", first.Output(), StringComparison.Ordinal);

        using var second = await DemoProcess.StartAsync(_data, hqPort, tillPort, irpPort);
        Assert.Contains("data reused from the last run", second.Banner, StringComparison.Ordinal);
        Assert.Equal(token, second.ManagerToken);
        using var tillsAgain = await http.GetFromJsonAsync<JsonDocument>("/api/v1/tills");
        Assert.Equal(2, tillsAgain!.RootElement.GetArrayLength()); // not enrolled twice
        Assert.Equal(0, await second.InterruptAsync());
    }

    [Fact]
    public async Task Demo_WeakSavedManagerToken_WarnsAndRuns()
    {
        Directory.CreateDirectory(_data);
        await File.WriteAllTextAsync(Path.Combine(_data, "demo.json"), """{ "adminToken": "T", "tills": [] }""");

        using var run = await DemoProcess.StartAsync(_data, DemoProcess.FreePortPair(), DemoProcess.FreePortPair(), DemoProcess.FreePortPair());

        Assert.Contains("demo: warning: the manager token is too weak", run.Banner, StringComparison.Ordinal);
        Assert.Contains("TillSync demo is running (data reused from the last run)", run.Banner, StringComparison.Ordinal);
        Assert.Equal(0, await run.InterruptAsync());
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
