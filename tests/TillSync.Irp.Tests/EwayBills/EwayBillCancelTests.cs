// Proves the e-way bill cancel against the real simulator: its generator cancels it once within 24 hours (the clock
// moved with --test-clock's admin endpoint), after which the invoice's cancel is no longer refused with 2230.
using TillSync.Core.EInvoicing;
using TillSync.Irp.Tests.Harness;
using TillSync.Testing;

namespace TillSync.Irp.Tests.EwayBills;

public sealed class EwayBillCancelTests(IrpFixture fixture) : IClassFixture<IrpFixture>
{
    private readonly IrpProcess irp = fixture.Irp;

    [Fact]
    public async Task CancelEwayBill_WithinTwentyFourHours_CancelsOnceAndFreesTheInvoiceCancel()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice(Documents.OutOfStateBuyer);
        await client.GenerateAsync(document.Json);
        var ewbNo = (await client.EwayBillAsync(document.Irn)).Data!.EwbNo;
        Assert.Equal(IrpErrorCodes.ActiveEwayBill, Assert.Single((await client.CancelAsync(document.Irn)).ErrorDetails!).ErrorCode);
        await client.AdvanceClockAsync(TimeSpan.FromHours(23));

        var cancelled = await client.CancelEwayBillAsync(ewbNo, reason: 2, remark: "Order cancelled by the buyer");
        var again = await client.CancelEwayBillAsync(ewbNo);

        Assert.Equal(IrpStatus.Success, cancelled.Status);
        Assert.Equal(ewbNo, cancelled.Data!.EwayBillNo);
        Assert.True(IrpTimes.TryParse(cancelled.Data.CancelDate, out _), cancelled.Data.CancelDate);
        Assert.Equal(IrpErrorCodes.EwayBillNotCancellable, Assert.Single(again.ErrorDetails!).ErrorCode);
        Assert.Null((await client.GetByIrnAsync(document.Irn)).Data!.EwbNo);
        Assert.Equal(IrpStatus.Success, (await client.CancelAsync(document.Irn)).Status);
        Assert.Equal(IrnDetails.Cancelled, (await client.GetByIrnAsync(document.Irn)).Data!.Status);
    }

    [Fact]
    public async Task CancelEwayBill_AfterTwentyFourHours_Answers315AndStaysActive()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice(Documents.OutOfStateBuyer);
        await client.GenerateAsync(document.Json);
        var ewbNo = (await client.EwayBillAsync(document.Irn)).Data!.EwbNo;
        await client.AdvanceClockAsync(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(5));

        var answer = await client.CancelEwayBillAsync(ewbNo);

        Assert.Equal(IrpErrorCodes.EwayBillCancelWindowPassed, Assert.Single(answer.ErrorDetails!).ErrorCode);
        Assert.Equal(ewbNo, (await client.GetByIrnAsync(document.Irn)).Data!.EwbNo);
    }

    [Fact]
    public async Task CancelEwayBill_UnknownForeignOrBadRequest_IsRefused()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        using var other = irp.Client(Documents.LocalBuyer.Gstin);
        var document = Documents.Invoice(Documents.OutOfStateBuyer);
        await client.GenerateAsync(document.Json);
        var ewbNo = (await client.EwayBillAsync(document.Irn)).Data!.EwbNo;

        Assert.Equal(IrpErrorCodes.EwayBillNotCancellable, Assert.Single((await client.CancelEwayBillAsync(ewbNo + 1_000_000)).ErrorDetails!).ErrorCode);
        Assert.Equal(IrpErrorCodes.EwayBillNotCancellable, Assert.Single((await other.CancelEwayBillAsync(ewbNo)).ErrorDetails!).ErrorCode);
        Assert.Equal(IrpErrorCodes.IncompleteRequest, Assert.Single((await client.CancelEwayBillAsync(ewbNo, reason: 5)).ErrorDetails!).ErrorCode);
        Assert.Equal(IrpErrorCodes.IncompleteRequest, Assert.Single((await client.CancelEwayBillAsync(ewbNo, remark: new string('x', 51))).ErrorDetails!).ErrorCode);
        Assert.Equal(ewbNo, (await client.GetByIrnAsync(document.Irn)).Data!.EwbNo);
    }

    [Fact]
    public async Task EwayBillByIrn_AfterItsEwayBillWasCancelled_GeneratesAFreshOne_OnlyOneActiveAtATime()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice(Documents.OutOfStateBuyer);
        await client.GenerateAsync(document.Json);
        var first = (await client.EwayBillAsync(document.Irn)).Data!.EwbNo;
        Assert.Equal(IrpStatus.Success, (await client.CancelEwayBillAsync(first)).Status);

        var fresh = (await client.EwayBillAsync(document.Irn)).Data!.EwbNo;
        var whileActive = await client.EwayBillAsync(document.Irn);

        Assert.True(fresh > first, $"{fresh} after {first}");
        Assert.Equal(fresh, (await client.GetByIrnAsync(document.Irn)).Data!.EwbNo);
        Assert.Equal(IrpErrorCodes.EwayBillExists, Assert.Single(whileActive.ErrorDetails!).ErrorCode);
        Assert.Equal(IrpErrorCodes.EwayBillNotCancellable, Assert.Single((await client.CancelEwayBillAsync(first)).ErrorDetails!).ErrorCode);
        // The invoice's own cancel waits for the fresh one to be cancelled too.
        Assert.Equal(IrpErrorCodes.ActiveEwayBill, Assert.Single((await client.CancelAsync(document.Irn)).ErrorDetails!).ErrorCode);
        Assert.Equal(IrpStatus.Success, (await client.CancelEwayBillAsync(fresh)).Status);
        Assert.Null((await client.GetByIrnAsync(document.Irn)).Data!.EwbNo);
    }
}
