// Proves cancel against the real simulator: allowed within 24 hours and only once, refused after 24 hours (2270, the
// clock moved with --test-clock's admin endpoint) and while an e-way bill is active (2230).
using TillSync.Core.EInvoicing;
using TillSync.Irp.Tests.Harness;
using TillSync.Testing;

namespace TillSync.Irp.Tests.Invoices;

public sealed class CancelTests(IrpFixture fixture) : IClassFixture<IrpFixture>
{
    private readonly IrpProcess irp = fixture.Irp;

    [Fact]
    public async Task Cancel_WithinTwentyFourHours_CancelsOnce()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice();
        await client.GenerateAsync(document.Json);
        await client.AdvanceClockAsync(TimeSpan.FromHours(23));

        var cancelled = await client.CancelAsync(document.Irn);
        var again = await client.CancelAsync(document.Irn);

        Assert.Equal(IrpStatus.Success, cancelled.Status);
        Assert.Equal(document.Irn, cancelled.Data!.Irn);
        Assert.True(IrpTimes.TryParse(cancelled.Data.CancelDate, out _), cancelled.Data.CancelDate);
        Assert.Equal(IrnDetails.Cancelled, (await client.GetByIrnAsync(document.Irn)).Data!.Status);
        Assert.Equal(IrpErrorCodes.IrnNotActive, Assert.Single(again.ErrorDetails!).ErrorCode);
    }

    [Fact]
    public async Task Cancel_AfterTwentyFourHours_Answers2270AndStaysActive()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice();
        await client.GenerateAsync(document.Json);
        await client.AdvanceClockAsync(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(5));

        var answer = await client.CancelAsync(document.Irn);

        Assert.Equal(IrpErrorCodes.CancelWindowPassed, Assert.Single(answer.ErrorDetails!).ErrorCode);
        Assert.Equal(IrnDetails.Active, (await client.GetByIrnAsync(document.Irn)).Data!.Status);
    }

    [Fact]
    public async Task Cancel_WithAnActiveEwayBill_Answers2230()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice(Documents.OutOfStateBuyer);
        await client.GenerateAsync(document.Json);
        Assert.Equal(IrpStatus.Success, (await client.EwayBillAsync(document.Irn)).Status);

        var answer = await client.CancelAsync(document.Irn);

        Assert.Equal(IrpErrorCodes.ActiveEwayBill, Assert.Single(answer.ErrorDetails!).ErrorCode);
        Assert.Equal(IrnDetails.Active, (await client.GetByIrnAsync(document.Irn)).Data!.Status);
    }

    [Fact]
    public async Task Cancel_UnknownOrForeignIrn_Answers2148Or2143()
    {
        using var seller = irp.Client(Documents.Store.Gstin);
        using var stranger = irp.Client(Documents.LocalBuyer.Gstin);
        var document = Documents.Invoice();
        await seller.GenerateAsync(document.Json);

        Assert.Equal(IrpErrorCodes.IrnNotFound, Assert.Single((await seller.CancelAsync(Documents.Invoice().Irn)).ErrorDetails!).ErrorCode);
        Assert.Equal(IrpErrorCodes.NotOwnGstin, Assert.Single((await stranger.CancelAsync(document.Irn)).ErrorDetails!).ErrorCode);
        Assert.Equal(IrpErrorCodes.IncompleteRequest, Assert.Single((await seller.CancelAsync(document.Irn, reason: "7")).ErrorDetails!).ErrorCode);
    }
}
