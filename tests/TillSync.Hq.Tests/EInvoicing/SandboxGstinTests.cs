// Proves an HQ set for NIC's sandbox (--irp-sandbox) takes the sandbox's test GSTINs, which fail the check character, for
// its store and for a B2B buyer; tells its tills so in the snapshot; and registers the bill under the IRN computed from the
// test GSTIN, while a GSTIN outside the e-invoice schema's pattern is still refused. Real HQ and IRP processes.
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Core.EInvoicing;
using TillSync.Core.Tax;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class SandboxGstinTests
{
    // NIC's sandbox style: no 'Z' and no check character, so the checked rule refuses both.
    private const string SandboxSeller = "29AAFCD5862R000";
    private const string SandboxBuyer = "29AWGPV7107B000";

    [Fact]
    public async Task SandboxHq_TakesTestGstinsForTheStoreAndTheBuyer_TellsItsTills_AndRegistersTheBill()
    {
        Assert.False(Gstin.IsValid(SandboxSeller) || Gstin.IsValid(SandboxBuyer));
        await using var irp = await IrpProcess.StartAsync();
        await using var hq = await HqProcess.StartSandboxAsync(irp.Access);
        var manager = new ManagerClient(hq);
        var detail = await Responses.ExpectProblemAsync(
            await manager.PutStoreRawAsync(HqScenario.Store with { Gstin = "29AAFCD5862R00-" }), HttpStatusCode.BadRequest, hq);
        Assert.Contains("does not fit the e-invoice schema's pattern", detail, StringComparison.Ordinal);
        // The orders' search says the sandbox's rule, not the check character it does not ask for.
        var search = await Responses.ExpectProblemAsync(await manager.QueryOrdersRawAsync("gstin=29AWGPV7107B00"), HttpStatusCode.BadRequest, hq);
        Assert.Contains("gstin is a buyer's GSTIN: the e-invoice schema's pattern", search, StringComparison.Ordinal);
        await HqScenario.SetUpAsync(hq, HqScenario.Store with { Gstin = SandboxSeller });
        var till = await HqScenario.EnrolTillAsync(hq);

        Assert.Equal(GstinRules.Sandbox, (await till.SnapshotAsync()).GstinRule);
        var sale = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)], EInvoiceFixture.Buyer with { Gstin = SandboxBuyer });
        var unshaped = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)], EInvoiceFixture.Buyer with { Gstin = "29awgpv7107b000" });
        var reply = await till.SyncAsync([sale, unshaped]);

        Assert.Equal([(SyncStatus.Created, (string?)null), (SyncStatus.Rejected, SyncReasons.InvalidCustomer)],
            reply.Results.Select(r => (r.Status, r.Reason)));
        using var client = hq.CreateClient(hq.AdminToken);
        var bill = await Eventually.UntilAsync(
            async () => await client.GetFromJsonAsync($"/api/v1/einvoices/{sale.ClientOrderId}", TillSyncJsonContext.Default.EInvoiceView),
            b => b!.Status != "pending", Patience.Exchanges, "the sandbox bill's e-invoice to settle", hq);
        Assert.True(bill!.Status == "registered", $"{bill.Status}: {bill.LastError}");
        Assert.Equal(Irn.Compute(SandboxSeller, DocumentDates.Of(sale.CreatedAt), EInvoiceDocumentType.Invoice, sale.BillNo), bill.Irn);
        using var portal = irp.Client(SandboxSeller);
        Assert.Equal(bill.AckNo, (await portal.GetByIrnAsync(bill.Irn)).Data!.AckNo);
    }
}
