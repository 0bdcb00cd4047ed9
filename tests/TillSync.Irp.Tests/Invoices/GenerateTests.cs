// Proves generate IRN over real HTTP against the real `tillsync irp` process: NIC's envelope, Core's IRN, 15-digit
// increasing AckNos, RS256 signatures that verify with the published key, and NIC's error codes for bad documents.
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TillSync.Core.EInvoicing;
using TillSync.Irp.Tests.Harness;
using TillSync.Testing;

namespace TillSync.Irp.Tests.Invoices;

public sealed class GenerateTests(IrpFixture fixture) : IClassFixture<IrpFixture>
{
    private readonly IrpProcess irp = fixture.Irp;

    [Fact]
    public async Task Generate_ValidInvoice_RegistersUnderCoresIrnWithIncreasingFifteenDigitAckNos()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var first = Documents.Invoice();
        var second = Documents.Invoice(Documents.OutOfStateBuyer);

        var one = await client.GenerateAsync(first.Json);
        var two = await client.GenerateAsync(second.Json);

        Assert.Equal(IrpStatus.Success, one.Status);
        Assert.Null(one.ErrorDetails);
        Assert.Equal(first.Irn, one.Data!.Irn);
        Assert.Equal(second.Irn, two.Data!.Irn);
        Assert.Equal(15, one.Data.AckNo.ToString(CultureInfo.InvariantCulture).Length);
        Assert.True(two.Data.AckNo > one.Data.AckNo, $"{two.Data.AckNo} after {one.Data.AckNo}");
        Assert.Equal(IrnDetails.Active, one.Data.Status);
        Assert.True(IrpTimes.TryParse(one.Data.AckDt, out var ackAt), one.Data.AckDt);
        Assert.InRange(ackAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(400));
        Assert.Null(one.Data.EwbNo);
    }

    [Fact]
    public async Task Generate_SignedInvoiceAndQrCode_VerifyWithThePublishedKeyAndSayTheRightThings()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice(Documents.OutOfStateBuyer);

        var details = (await client.GenerateAsync(document.Json)).Data!;
        var (jwk, key) = await client.PublishedKeyAsync();

        using (key)
        {
            Assert.True(CompactJws.TryVerify(details.SignedQRCode, key, out var header, out _));
            Assert.Equal(new JwsHeader("RS256", "JWT", jwk.KeyId), header);
            var claims = IrpSignatures.VerifiedQrCode(details.SignedQRCode, key);
            Assert.Equal(
                new QrCodeClaims(Documents.Store.Gstin, Documents.OutOfStateBuyer.Gstin, document.Number, "INV", DocumentDates.Text(document.Date),
                    document.Payload.Values.TotalInvoiceValue, 2, "10063020", document.Irn, details.AckDt),
                claims);

            var invoice = JsonNode.Parse(IrpSignatures.VerifiedData(details.SignedInvoice, key)!)!;
            Assert.Equal(document.Irn, invoice["Irn"]!.GetValue<string>());
            Assert.Equal(details.AckNo, invoice["AckNo"]!.GetValue<long>());
            Assert.Equal(details.AckDt, invoice["AckDt"]!.GetValue<string>());
            Assert.Equal(document.Number, invoice["DocDtls"]!["No"]!.GetValue<string>());
            Assert.Equal(document.Payload.Values.TotalInvoiceValue, invoice["ValDtls"]!["TotInvVal"]!.GetValue<decimal>());
        }

        using var otherKey = System.Security.Cryptography.RSA.Create(2048);
        Assert.Null(IrpSignatures.VerifiedQrCode(details.SignedQRCode, otherKey));
    }

    [Fact]
    public async Task Generate_SameDocumentAgain_Answers2150WithTheFirstRegistrationInDupIrn()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice();
        var first = (await client.GenerateAsync(document.Json)).Data!;
        var lowerCaseNumber = document.Tree();
        lowerCaseNumber["DocDtls"]!["No"] = document.Number.ToLowerInvariant();

        foreach (var again in new[] { document.Json, lowerCaseNumber.ToJsonString() })
        {
            var duplicate = await client.GenerateAsync(again);

            Assert.Equal(IrpStatus.Failure, duplicate.Status);
            Assert.Null(duplicate.Data);
            Assert.Equal(IrpErrorCodes.DuplicateIrn, Assert.Single(duplicate.ErrorDetails!).ErrorCode);
            var info = Assert.Single(duplicate.InfoDtls!);
            Assert.Equal("DUPIRN", info.InfCd);
            Assert.Equal(new DuplicateIrn(first.AckNo, first.AckDt, first.Irn), info.Desc);
        }
    }

    [Fact]
    public async Task Generate_SameDocumentConcurrently_RegistersOnceAndEveryOtherCallSees2150()
    {
        var document = Documents.Invoice();
        var clients = Enumerable.Range(0, 8).Select(_ => irp.Client(Documents.Store.Gstin)).ToList();
        try
        {
            var answers = await Task.WhenAll(clients.Select(c => c.GenerateAsync(document.Json)));

            var registered = Assert.Single(answers, a => a.Status == IrpStatus.Success).Data!;
            Assert.All(answers.Where(a => a.Status == IrpStatus.Failure), a =>
            {
                Assert.Equal(IrpErrorCodes.DuplicateIrn, Assert.Single(a.ErrorDetails!).ErrorCode);
                Assert.Equal(registered.AckNo, Assert.Single(a.InfoDtls!).Desc.AckNo);
            });
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Generate_SchemaViolations_Answer2140WithTheSchemaMessagesAndRegisterNothing()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice();
        var broken = document.Tree();
        broken["ItemList"]![0]!["HsnCd"] = "12";
        broken["SellerDtls"]!.AsObject().Remove("Loc");

        var answer = await client.GenerateAsync(broken.ToJsonString());

        Assert.Equal(IrpStatus.Failure, answer.Status);
        Assert.All(answer.ErrorDetails!, e => Assert.Equal(IrpErrorCodes.SchemaValidation, e.ErrorCode));
        Assert.Contains(answer.ErrorDetails!, e => e.ErrorMessage.StartsWith("/ItemList/0/HsnCd:", StringComparison.Ordinal));
        Assert.Contains(answer.ErrorDetails!, e => e.ErrorMessage.Contains("Loc", StringComparison.Ordinal));
        Assert.Equal(IrpErrorCodes.IrnNotFound, Assert.Single((await client.GetByIrnAsync(document.Irn)).ErrorDetails!).ErrorCode);
    }

    [Fact]
    public async Task Generate_NotJson_Answers2140()
    {
        using var client = irp.Client(Documents.Store.Gstin);

        var answer = await client.GenerateAsync("{\"Version\": ");

        Assert.Equal(IrpErrorCodes.SchemaValidation, Assert.Single(answer.ErrorDetails!).ErrorCode);
    }

    [Fact]
    public async Task Generate_IntraStateWithIgst_Answers2172()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var inter = Documents.Invoice(Documents.OutOfStateBuyer).Tree();
        // Taxes computed for Maharashtra, but the place of supply is Karnataka, the seller's own state.
        inter["BuyerDtls"]!["Pos"] = "29";
        inter["BuyerDtls"]!["Stcd"] = "29";

        var answer = await client.GenerateAsync(inter.ToJsonString());

        Assert.Equal(IrpStatus.Failure, answer.Status);
        Assert.Equal([IrpErrorCodes.IgstOnIntraState, IrpErrorCodes.IgstOnIntraState], answer.ErrorDetails!.Select(e => e.ErrorCode));
    }

    [Fact]
    public async Task Generate_InterStateWithCgstAndSgst_Answers2173()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var intra = Documents.Invoice().Tree();
        intra["BuyerDtls"]!["Pos"] = "27";

        var answer = await client.GenerateAsync(intra.ToJsonString());

        Assert.Contains(answer.ErrorDetails!, e => e.ErrorCode == IrpErrorCodes.CgstSgstOnInterState);
    }

    [Theory]
    [InlineData("ValDtls", "AssVal", 1.00, IrpErrorCodes.AssessableTotalMismatch)]
    [InlineData("ValDtls", "CgstVal", 0.01, IrpErrorCodes.CgstTotalMismatch)]
    [InlineData("ValDtls", "SgstVal", 0.01, IrpErrorCodes.SgstTotalMismatch)]
    [InlineData("ValDtls", "IgstVal", 0.01, IrpErrorCodes.IgstTotalMismatch)]
    [InlineData("ValDtls", "TotInvVal", 2.00, IrpErrorCodes.InvoiceTotalMismatch)]
    [InlineData("Item", "TotItemVal", 0.01, IrpErrorCodes.ItemTotalMismatch)]
    [InlineData("Item", "AssAmt", 0.01, IrpErrorCodes.ItemAssessableMismatch)]
    public async Task Generate_TotalsThatDoNotAddUp_AnswerTheirNicCode(string where, string field, double addRupees, string errorCode)
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice();
        var tree = document.Tree();
        var holder = where == "Item" ? tree["ItemList"]![1]! : tree["ValDtls"]!;
        holder[field] = holder[field]!.GetValue<decimal>() + (decimal)addRupees;

        var answer = await client.GenerateAsync(tree.ToJsonString());

        Assert.Equal(IrpStatus.Failure, answer.Status);
        Assert.Contains(answer.ErrorDetails!, e => e.ErrorCode == errorCode);
        Assert.Equal(IrpErrorCodes.IrnNotFound, Assert.Single((await client.GetByIrnAsync(document.Irn)).ErrorDetails!).ErrorCode);
    }

    [Fact]
    public async Task Generate_InvoiceTotalWithinOneRupee_IsAccepted()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var tree = Documents.Invoice().Tree();
        tree["ValDtls"]!["TotInvVal"] = tree["ValDtls"]!["TotInvVal"]!.GetValue<decimal>() + 1m;

        Assert.Equal(IrpStatus.Success, (await client.GenerateAsync(tree.ToJsonString())).Status);
    }

    [Fact]
    public async Task Generate_FutureDate_Answers2163()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var tree = Documents.Invoice().Tree();
        tree["DocDtls"]!["Dt"] = DocumentDates.Text(Documents.Today.AddDays(3));

        Assert.Equal(IrpErrorCodes.FutureDocumentDate, Assert.Single((await client.GenerateAsync(tree.ToJsonString())).ErrorDetails!).ErrorCode);
    }

    [Fact]
    public async Task Generate_AnotherSellersDocument_Answers2143()
    {
        using var client = irp.Client(Documents.LocalBuyer.Gstin);

        var answer = await client.GenerateAsync(Documents.Invoice().Json);

        Assert.Equal(IrpErrorCodes.NotOwnGstin, Assert.Single(answer.ErrorDetails!).ErrorCode);
    }

    [Fact]
    public async Task Generate_CreditNote_IsRefusedUntilItsInvoiceIsRegistered_ThenRegistersAsCrn()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var invoice = Documents.Invoice();
        var note = Documents.CreditNote(invoice.Number, invoice.Date);
        var wrongDate = Documents.CreditNote(invoice.Number, invoice.Date.AddDays(-1));

        var early = await client.GenerateAsync(note.Json);
        Assert.True((await client.GenerateAsync(invoice.Json)).Data is not null);
        var misdated = await client.GenerateAsync(wrongDate.Json);
        var registered = await client.GenerateAsync(note.Json);

        var refusal = Assert.Single(early.ErrorDetails!);
        Assert.Equal(IrpErrorCodes.PrecedingDocumentNotRegistered, refusal.ErrorCode);
        Assert.Contains($"Preceding document {invoice.Number}", refusal.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(early.Data);
        Assert.Equal(IrpErrorCodes.PrecedingDocumentNotRegistered, Assert.Single(misdated.ErrorDetails!).ErrorCode);
        Assert.Equal(note.Irn, registered.Data!.Irn);
        Assert.Equal(note.Irn, (await client.GetByDocumentAsync(EInvoiceDocumentType.CreditNote, note.Number, note.Date)).Data!.Irn);
        var withoutReference = note.Tree();
        withoutReference.Remove("RefDtls");
        withoutReference["DocDtls"]!["No"] = note.Number + "X";
        var unreferenced = await client.GenerateAsync(withoutReference.ToJsonString());
        Assert.Equal(IrpErrorCodes.PrecedingDocumentNotRegistered, Assert.Single(unreferenced.ErrorDetails!).ErrorCode);
    }

    [Theory]
    [InlineData(null, "29AABCH1234K1ZN", IrpErrorCodes.UserNameRequired)]
    [InlineData("tests", null, IrpErrorCodes.HeaderGstinRequired)]
    [InlineData("tests", "not-a-gstin", IrpErrorCodes.InvalidGstinForUser)]
    public async Task Generate_MissingOrBadHeaders_Answer401WithNicCodes(string? userName, string? gstin, string errorCode)
    {
        using var http = new HttpClient { BaseAddress = irp.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, IrpPaths.GenerateIrn)
        {
            Content = new StringContent(Documents.Invoice().Json, Encoding.UTF8, "application/json"),
        };
        if (userName is not null)
        {
            request.Headers.Add("user_name", userName);
        }

        if (gstin is not null)
        {
            request.Headers.Add("gstin", gstin);
        }

        using var response = await http.SendAsync(request);
        var answer = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), IrpJsonContext.Default.IrpResponseIrnDetails)!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(errorCode, Assert.Single(answer.ErrorDetails!).ErrorCode);
    }
}
