// Proves the portal's reporting limit against the real simulator: a document dated more than 30 days ago is refused with
// 2296 and nothing is registered, one dated 30 days ago still registers, a document registered in time is still a
// duplicate after the limit (so a lost reply can be found), and a seller outside the turnover band is not held to it.
using TillSync.Core.EInvoicing;
using TillSync.Irp.Tests.Harness;
using TillSync.Testing;

namespace TillSync.Irp.Tests.Invoices;

public sealed class ReportingLimitTests(IrpFixture fixture) : IClassFixture<IrpFixture>
{
    private readonly IrpProcess irp = fixture.Irp;

    [Fact]
    public async Task Generate_DatedThirtyDaysAgo_Registers()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var (json, _) = Dated(Documents.Invoice(), ReportingLimit.Days);

        Assert.Equal(IrpStatus.Success, (await client.GenerateAsync(json)).Status);
    }

    [Fact]
    public async Task Generate_DatedThirtyOneDaysAgo_Answers2296AndRegistersNothing()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice();
        var (json, date) = Dated(document, ReportingLimit.Days + 1);

        var answer = await client.GenerateAsync(json);

        var error = Assert.Single(answer.ErrorDetails!);
        Assert.Equal(IrpErrorCodes.ReportingLimitPassed, error.ErrorCode);
        Assert.Contains(DocumentDates.Text(ReportingLimit.LastDay(date)), error.ErrorMessage, StringComparison.Ordinal);
        var lookup = await client.GetByDocumentAsync(EInvoiceDocumentType.Invoice, document.Number, date);
        Assert.Equal(IrpErrorCodes.IrnNotFound, Assert.Single(lookup.ErrorDetails!).ErrorCode);
    }

    /// <summary>The payload of <paramref name="document"/> dated <paramref name="daysAgo"/> days before today (IST).</summary>
    internal static (string Json, DateOnly Date) Dated(Document document, int daysAgo)
    {
        var date = Documents.Today.AddDays(-daysAgo);
        var tree = document.Tree();
        tree["DocDtls"]!["Dt"] = DocumentDates.Text(date);
        return (tree.ToJsonString(), date);
    }
}

// Its own simulator: the test moves the clock, which would age every other test's documents.
public sealed class ReportingLimitClockTests(IrpFixture fixture) : IClassFixture<IrpFixture>
{
    [Fact]
    public async Task Generate_AfterTheLimit_AnswersADocumentRegisteredInTimeAsADuplicateAndRefusesANewOne()
    {
        using var client = fixture.Irp.Client(Documents.Store.Gstin);
        var inTime = Documents.Invoice();
        var (inTimeJson, date) = ReportingLimitTests.Dated(inTime, ReportingLimit.Days);
        var registered = await client.GenerateAsync(inTimeJson);
        Assert.Equal(IrpStatus.Success, registered.Status);
        var (lateJson, _) = ReportingLimitTests.Dated(Documents.Invoice(), ReportingLimit.Days);
        await client.AdvanceClockAsync(TimeSpan.FromDays(2));

        var again = await client.GenerateAsync(inTimeJson);
        var late = await client.GenerateAsync(lateJson);

        Assert.Equal(IrpErrorCodes.DuplicateIrn, Assert.Single(again.ErrorDetails!).ErrorCode);
        Assert.Equal(registered.Data!.Irn, Irn.Compute(Documents.Store.Gstin, date, EInvoiceDocumentType.Invoice, inTime.Number));
        Assert.Equal(registered.Data.Irn, again.InfoDtls!.Single(i => i.InfCd == IrpInfo.DuplicateIrnCode).Desc.Irn);
        Assert.Equal(IrpErrorCodes.ReportingLimitPassed, Assert.Single(late.ErrorDetails!).ErrorCode);
    }
}

/// <summary>A simulator that holds only another seller to the limit: the store is below the turnover band.</summary>
public sealed class OtherSellerInBandFixture : IAsyncLifetime
{
    public IrpProcess Irp { get; private set; } = null!;

    public async Task InitializeAsync() => Irp = await IrpProcess.StartAsync("--reporting-limit-gstins", Documents.LocalBuyer.Gstin);

    public async Task DisposeAsync() => await Irp.DisposeAsync();
}

public sealed class ReportingLimitBandTests(OtherSellerInBandFixture fixture) : IClassFixture<OtherSellerInBandFixture>
{
    [Fact]
    public async Task Generate_SellerOutsideTheBand_RegistersADocumentOlderThanTheLimit()
    {
        using var client = fixture.Irp.Client(Documents.Store.Gstin);
        var (json, _) = ReportingLimitTests.Dated(Documents.Invoice(), 45);

        Assert.Equal(IrpStatus.Success, (await client.GenerateAsync(json)).Status);
        Assert.Contains($"reporting limit {ReportingLimit.Days} days for {Documents.LocalBuyer.Gstin}", fixture.Irp.Output(), StringComparison.Ordinal);
    }
}
