// Proves HQ serves HTTPS with a certificate it is given and a real till syncs to it over https: a self-signed certificate
// made in the test, a real `tillsync hq --cert-file --cert-key-file` and a real `tillsync till --hq-ca-file` process.
using TillSync.Testing;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Sync;

public sealed class HttpsSyncTests
{
    [Fact]
    public async Task Till_HqOverHttpsWithItsCaFile_SyncsSalesToHq()
    {
        await using var certificate = TestCertificate.Create();
        await using var hq = await HqProcess.StartHttpsAsync(certificate);
        Assert.Equal("https", hq.BaseAddress.Scheme);
        await HqScenario.SetUpAsync(hq);
        var enrolled = await HqScenario.EnrolTillAsync(hq);
        await using var till = await TillProcess.StartAsync(hq.BaseAddress, enrolled.Token, "--hq-ca-file", certificate.CertificateFile);
        await till.Api.WaitOnlineAsync();

        var receipt = await till.Api.SellAsync(Carts.PaidInCash([new("RICE-5KG", 2)]));
        await till.Api.WaitDrainedAsync();

        var order = await new ManagerClient(hq).GetOrderAsync(receipt.ClientOrderId);
        Assert.Equal(receipt.TillSeq, order.TillSeq);
        Assert.Equal(enrolled.TillId, order.TillId);
    }

    [Fact]
    public async Task Till_HqCertificateItDoesNotTrust_NeverSendsItsSales()
    {
        await using var certificate = TestCertificate.Create();
        await using var other = TestCertificate.Create();
        await using var hq = await HqProcess.StartHttpsAsync(certificate);
        await HqScenario.SetUpAsync(hq);
        var enrolled = await HqScenario.EnrolTillAsync(hq);
        await using var till = await TillProcess.StartAsync(hq.BaseAddress, enrolled.Token, "--hq-ca-file", other.CertificateFile);

        var status = await till.Api.WaitStatusAsync(s => s.RetryAt is not null, "the till's first attempt to reach HQ to fail");

        Assert.False(status.Online, status.LastSyncOutcome);
        Assert.Contains("SSL", status.LastSyncOutcome, StringComparison.Ordinal);
        Assert.Null(status.SnapshotTakenAt);
        Assert.Empty(await new ManagerClient(hq).ListAllOrdersAsync(enrolled.TillId));
        Assert.Null((await new ManagerClient(hq).GetTillAsync(enrolled.TillId)).LastSyncAt);
    }
}
