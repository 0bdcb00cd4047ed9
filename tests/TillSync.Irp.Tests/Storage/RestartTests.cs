// Proves the simulator keeps its registrations and its signing key across a kill -9 and restart on the same data dir:
// lookups answer as before, old signatures verify with the key published after the restart, AckNos keep increasing.
using TillSync.Core.EInvoicing;
using TillSync.Irp.Tests.Harness;
using TillSync.Testing;

namespace TillSync.Irp.Tests.Storage;

public sealed class RestartTests
{
    [Fact]
    public async Task Restart_KeepsRegistrationsKeyAndAckNoOrder()
    {
        await using var irp = await IrpProcess.StartAsync();
        var document = Documents.Invoice();
        RsaJwk keyBefore;
        IrnDetails before;
        using (var client = irp.Client(Documents.Store.Gstin))
        {
            before = (await client.GenerateAsync(document.Json)).Data!;
            keyBefore = (await client.PublishedKeyAsync()).Jwk;
        }

        await irp.RestartAsync();

        using var after = irp.Client(Documents.Store.Gstin);
        var (keyAfter, rsa) = await after.PublishedKeyAsync();
        using (rsa)
        {
            Assert.Equal(keyBefore, keyAfter);
            Assert.Equal(before, (await after.GetByIrnAsync(document.Irn)).Data);
            Assert.NotNull(IrpSignatures.VerifiedQrCode(before.SignedQRCode, rsa));
        }

        Assert.Equal(IrpErrorCodes.DuplicateIrn, Assert.Single((await after.GenerateAsync(document.Json)).ErrorDetails!).ErrorCode);
        Assert.True((await after.GenerateAsync(Documents.Invoice().Json)).Data!.AckNo > before.AckNo);
        Assert.True(File.Exists(Path.Combine(irp.DataDir, "irp-signing-key.pem")));
    }
}
