// Proves the till checks a buyer's GSTIN by the rule HQ's snapshot names: a NIC sandbox test GSTIN (no check character)
// sells when HQ runs against the sandbox, and is refused with the cashier's message otherwise, as HQ would refuse it.
using TillSync.Contracts.Sync;
using TillSync.Core.Tax;
using TillSync.Testing;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Sales;

public sealed class SandboxGstinSaleTests
{
    private static readonly List<CartLine> Ghee = [new("GHEE-1L", 1)];
    private static readonly CustomerDto SandboxBuyer = HqScenario.B2BIntraState with
    {
        Gstin = "29AWGPV7107B000", Address1 = "4 MG Road", Location = "Bengaluru", Pin = 560001,
    };

    [Fact]
    public async Task SandboxSnapshot_SellsToATestGstin_UnderItsOfflineIrn()
    {
        await using var till = await LocalTill.CreateAsync(nextSeq: null);
        await till.Snapshots.SaveAsync(LocalTill.Snapshot(1, till.Time.GetUtcNow()) with { GstinRule = GstinRules.Sandbox }, CancellationToken.None);

        var receipt = await till.SellAsync(Carts.PaidInCash(Ghee, SandboxBuyer));

        Assert.Equal(SandboxBuyer.Gstin, receipt.Customer!.Gstin);
        Assert.Equal(Core.EInvoicing.Irn.Compute(HqScenario.StoreGstin, receipt.CreatedAt, Core.EInvoicing.EInvoiceDocumentType.Invoice, receipt.BillNo),
            receipt.Irn.Irn);
    }

    [Fact]
    public async Task CheckedSnapshot_RefusesTheTestGstin_AndSavesNothing()
    {
        await using var till = await LocalTill.CreateAsync();

        var (receipt, problem) = await till.Recorder.RecordAsync(Carts.PaidInCash(Ghee, SandboxBuyer), CancellationToken.None);

        Assert.Null(receipt);
        Assert.Equal("Customer GSTIN '29AWGPV7107B000' is not a valid GSTIN.", problem);
        Assert.Equal(0, (await till.Outbox.StateAsync(CancellationToken.None)).QueueDepth);
    }
}
