// Proves `tillsync gst gstr1` writes HQ's GSTR-1 JSON to the file byte for byte and says what it holds and that it ties
// to the journal; a bad or missing period gets a readable message, a non-zero exit and no file. Runs the real command
// line in-process against a real HQ.
using System.Text.Json.Nodes;
using TillSync.Contracts.Documents;
using TillSync.Core.Orders;
using TillSync.Testing;

namespace TillSync.Cli.Tests.Verbs;

[Collection("environment")] // the verb reads TILLSYNC_* variables
public sealed class GstVerbTests(HqFixture fixture) : IClassFixture<HqFixture>, IAsyncLifetime
{
    private readonly string _files = TempDirectory.Create("gst-cli");

    [Fact]
    public async Task Gstr1_WritesHqsJsonToTheFile_AndSaysItTiesToTheJournal()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var at = new DateTimeOffset(2026, 9, 14, 12, 0, 0, BillNumber.IstOffset);
        var sale = till.Orders.Build(till.Orders.NextSeq++, [OrderFactory.Line("GHEE-1L", 2), OrderFactory.Line("COLA-750ML", 3)], HqScenario.B2BInterState, at);
        var walkIn = till.Orders.Build(till.Orders.NextSeq++, [OrderFactory.Line("SOAP-125G", 4)], createdAt: at);
        await till.SyncDocumentsAsync([TillClient.SaleDocument(sale), TillClient.SaleDocument(walkIn)]);
        await till.SyncDocumentsAsync([new ReturnFactory(till.Orders, till.BillPrefix).Next(sale, till.TillId, [(2, 1m, ReturnConditions.Restock)], createdAt: at)]);
        var file = Path.Combine(_files, "gstr1.json");

        var (exit, output) = await RunAsync("gst", "gstr1", "--period", "092026", "--out", file, "--hq", Hq, "--token", fixture.Hq.AdminToken);

        Assert.True(exit == 0, output);
        using var response = await new LedgerClient(fixture.Hq).GetRawAsync("/api/v1/gst/gstr1?period=092026");
        Assert.Equal(await response.Content.ReadAsStringAsync(), await File.ReadAllTextAsync(file));
        var written = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.Equal(sale.BillNo, written["b2b"]![0]!["inv"]![0]!["inum"]!.GetValue<string>());
        Assert.Contains($"GSTR-1 of 092026 for {HqScenario.StoreGstin} written to {file}", output, StringComparison.Ordinal);
        Assert.Contains("b2b         1", output, StringComparison.Ordinal);
        Assert.Contains("cdnr        1", output, StringComparison.Ordinal);
        Assert.Contains("ties to the journal", output, StringComparison.Ordinal);
        Assert.DoesNotContain("does NOT tie", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadPeriod_ShowsHqsExplanation_AndWritesNoFile()
    {
        var file = Path.Combine(_files, "bad.json");

        var (exit, output) = await RunAsync("gst", "gstr1", "--period", "132026", "--out", file, "--hq", Hq, "--token", fixture.Hq.AdminToken);

        Assert.Equal(1, exit);
        Assert.Contains("gst gstr1: HQ answered 400: period '132026' is not a month written MMYYYY", output, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task MissingPeriod_SaysWhatToGive()
    {
        var (exit, output) = await RunAsync("gst", "gstr1", "--hq", Hq, "--token", fixture.Hq.AdminToken);

        Assert.Equal(2, exit);
        Assert.Contains("--period is required: the month as MMYYYY", output, StringComparison.Ordinal);
    }

    private string Hq => fixture.Hq.BaseAddress.ToString();

    private static Task<(int Exit, string Output)> RunAsync(params string[] args) => InProcessCli.RunAsync(args);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TempDirectory.DeleteAsync(_files);
}
