// Proves get by IRN and get by document details against the real simulator: they return what generate returned, only
// to the seller's GSTIN, and a document number matches whatever its case, as its IRN does.
using TillSync.Core.EInvoicing;
using TillSync.Irp.Tests.Harness;
using TillSync.Testing;

namespace TillSync.Irp.Tests.Invoices;

public sealed class LookupTests(IrpFixture fixture) : IClassFixture<IrpFixture>
{
    private readonly IrpProcess irp = fixture.Irp;

    [Fact]
    public async Task GetByIrnAndByDocumentDetails_ReturnTheRegistration()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice();
        var generated = (await client.GenerateAsync(document.Json)).Data!;

        var byIrn = await client.GetByIrnAsync(document.Irn);
        var byDocument = await client.GetByDocumentAsync(document.Type, document.Number, document.Date);
        var byLowerCaseNumber = await client.GetByDocumentAsync(document.Type, document.Number.ToLowerInvariant(), document.Date);

        Assert.Equal(IrpStatus.Success, byIrn.Status);
        Assert.Equal(generated, byIrn.Data);
        Assert.Equal(generated, byDocument.Data);
        Assert.Equal(generated, byLowerCaseNumber.Data);
    }

    [Fact]
    public async Task Get_UnknownDocument_Answers2148()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var never = Documents.Invoice();

        Assert.Equal(IrpErrorCodes.IrnNotFound, Assert.Single((await client.GetByIrnAsync(never.Irn)).ErrorDetails!).ErrorCode);
        Assert.Equal(IrpErrorCodes.IrnNotFound,
            Assert.Single((await client.GetByDocumentAsync(never.Type, never.Number, never.Date)).ErrorDetails!).ErrorCode);
    }

    [Fact]
    public async Task GetByIrn_AsAnotherGstin_Answers2143()
    {
        using var seller = irp.Client(Documents.Store.Gstin);
        using var stranger = irp.Client(Documents.OutOfStateBuyer.Gstin);
        var document = Documents.Invoice();
        await seller.GenerateAsync(document.Json);

        var answer = await stranger.GetByIrnAsync(document.Irn);

        Assert.Equal(IrpErrorCodes.NotOwnGstin, Assert.Single(answer.ErrorDetails!).ErrorCode);
        Assert.Null(answer.Data);
    }

    [Fact]
    public async Task GetByDocumentDetails_BadQuery_Answers2142()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        using var response = await client.Http.GetAsync(IrpPaths.IrnByDocumentDetails + "?doctype=XYZ&docnum=T1&docdate=31/02/2026");
        var answer = System.Text.Json.JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), IrpJsonContext.Default.IrpResponseIrnDetails)!;

        Assert.Equal(IrpErrorCodes.IncompleteRequest, Assert.Single(answer.ErrorDetails!).ErrorCode);
    }
}
