// Proves the fault switches of the real simulator, changed at runtime through /admin/faults: a failing IRP registers
// nothing, and commit-then-timeout registers but drops the reply, which only a lookup by document details reveals.
using System.Net;
using TillSync.Core.EInvoicing;
using TillSync.Irp.Tests.Harness;
using TillSync.Testing;

namespace TillSync.Irp.Tests.Faults;

public sealed class FaultTests(IrpFixture fixture) : IClassFixture<IrpFixture>
{
    private readonly IrpProcess irp = fixture.Irp;

    [Fact]
    public async Task FailureRateOne_EveryCallFails_AndNothingIsRegistered()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var documents = Enumerable.Range(0, 8).Select(_ => Documents.Invoice()).ToList();
        await client.SetFaultsAsync(0, 1.0, 0);
        var outcomes = new List<string>();
        try
        {
            foreach (var document in documents)
            {
                outcomes.Add(await RawGenerateAsync(client, document.Json));
            }
        }
        finally
        {
            await client.SetFaultsAsync(0, 0, 0);
        }

        Assert.All(outcomes, o => Assert.True(o is "503" or "dropped", o));
        foreach (var document in documents)
        {
            var lookup = await client.GetByDocumentAsync(document.Type, document.Number, document.Date);
            Assert.Equal(IrpErrorCodes.IrnNotFound, Assert.Single(lookup.ErrorDetails!).ErrorCode);
        }
    }

    [Fact]
    public async Task CommitThenTimeout_ClientSeesNoReply_ButTheDocumentIsRegistered()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice();
        await client.SetFaultsAsync(0, 0, 1.0);
        string outcome;
        try
        {
            outcome = await RawGenerateAsync(client, document.Json);
        }
        finally
        {
            await client.SetFaultsAsync(0, 0, 0);
        }

        var found = await client.GetByDocumentAsync(document.Type, document.Number, document.Date);
        var resent = await client.GenerateAsync(document.Json);

        Assert.Equal("dropped", outcome);
        Assert.Equal(IrpStatus.Success, found.Status);
        Assert.Equal(document.Irn, found.Data!.Irn);
        Assert.Equal(IrpErrorCodes.DuplicateIrn, Assert.Single(resent.ErrorDetails!).ErrorCode);
        Assert.Equal(found.Data.AckNo, Assert.Single(resent.InfoDtls!).Desc.AckNo);
    }

    [Fact]
    public async Task Latency_DelaysEveryNicCall()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        await client.SetFaultsAsync(400, 0, 0);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await client.GetByIrnAsync(Documents.Invoice().Irn);
        }
        finally
        {
            await client.SetFaultsAsync(0, 0, 0);
        }

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), $"{clock.Elapsed}");
    }

    [Fact]
    public async Task SetFaults_OutOfRange_IsRefused()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        using var response = await client.Http.PutAsync("/admin/faults",
            new StringContent("""{"latencyMs": 0, "failureRate": 1.5, "commitThenTimeoutRate": 0}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>"200", "503" or "dropped" (the connection closed without a reply).</summary>
    private static async Task<string> RawGenerateAsync(IrpClient client, string json)
    {
        try
        {
            using var response = await client.Http.PostAsync(IrpPaths.GenerateIrn, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return "dropped";
        }
    }
}
