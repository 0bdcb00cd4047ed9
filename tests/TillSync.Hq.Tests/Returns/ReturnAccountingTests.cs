// Proves the books of a return: one balanced entry that reverses revenue and GST per rate, pays the refund out of its
// tender (store credit and exchange into their liabilities, cleared by the sales that take them), returns a restocked
// line's cost to inventory and writes a damaged line's cost off as shrinkage; the export passes `hledger check --strict`
// and inventory stays Σ on-hand × cost. Loyalty: points earned are taken back, and a balance taken below zero is reviewed.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Returns;

public sealed class ReturnAccountingTests(HqFixture fixture) : IClassFixture<HqFixture>, IAsyncLifetime
{
    private readonly string _files = TempDirectory.Create("return-ledger");

    private LedgerClient Ledger => new(fixture.Hq);

    [Fact]
    public async Task Return_ReversesRevenueAndGstPerRate_PaysTheRefund_AndMovesCost()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = till.Orders.NextWalkIn([OrderFactory.Line("GHEE-1L", 3), OrderFactory.Line("SOAP-125G", 2)]);
        await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);
        var document = new ReturnFactory(till.Orders, till.BillPrefix)
            .Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock), (2, 2m, ReturnConditions.Damaged)], RefundMethods.StoreCredit);

        Assert.Equal(SyncStatus.Created, (await till.SyncDocumentsAsync([document])).Results[0].Status);

        var entry = (await Ledger.JournalAsync()).Single(e => e.Ref == $"return:{document.DocumentId}");
        Assert.Equal("return", entry.Kind);
        Assert.Equal(0, entry.Postings.Sum(p => p.AmountPaise));
        var byAccount = entry.Postings.ToDictionary(p => p.Account, p => p.AmountPaise);
        var totals = document.Return!.Totals;
        Assert.Equal(totals.TaxablePaise, byAccount["revenue:sales"]);
        Assert.Equal(totals.CgstPaise, byAccount["liabilities:gst:cgst:12%"] + byAccount["liabilities:gst:cgst:18%"]);
        Assert.Equal(totals.SgstPaise, byAccount["liabilities:gst:sgst:12%"] + byAccount["liabilities:gst:sgst:18%"]);
        Assert.Equal(-totals.TotalPaise, byAccount["liabilities:store-credit"]);
        // Ghee back to stock at its cost of 560.00; two soaps damaged: their 2 × 32.00 moves from COGS to shrinkage.
        Assert.Equal(56_000, byAccount["assets:inventory"]);
        Assert.Equal(6_400, byAccount["expenses:shrinkage"]);
        Assert.Equal(-(56_000 + 6_400), byAccount["expenses:cogs"]);
        await AssertHledgerCleanAsync();
    }

    [Fact]
    public async Task Exchange_TheReturnCreditsClearing_AndTheNewSaleClearsIt()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = till.Orders.NextWalkIn([OrderFactory.Line("COLA-750ML", 2)]);
        await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);
        var returned = new ReturnFactory(till.Orders, till.BillPrefix).Build(sale, till.TillId, [(1, 2m, ReturnConditions.Restock)], RefundMethods.Exchange);
        var exchangeSeq = till.Orders.NextSeq++;
        var newSale = till.Orders.NextWalkIn([OrderFactory.Line("GHEE-1L", 1)]);
        newSale = newSale with { Payments = [new PaymentDto(PaymentMethods.Exchange, returned.Totals.TotalPaise),
            new PaymentDto(PaymentMethods.Cash, newSale.Totals.TotalPaise - returned.Totals.TotalPaise)] };
        var document = new TillDocumentDto(DocumentKinds.Return, Guid.CreateVersion7(), exchangeSeq,
            Return: returned with { Refunds = [new RefundDto(RefundMethods.Exchange, returned.Totals.TotalPaise, newSale.ClientOrderId.ToString("D"))] });

        var reply = await till.SyncDocumentsAsync([document, TillClient.SaleDocument(newSale)]);

        Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        var journal = await Ledger.JournalAsync();
        var clearing = journal.Where(e => e.Ref == $"return:{document.DocumentId}" || e.Ref == $"sale:{newSale.ClientOrderId}")
            .SelectMany(e => e.Postings).Where(p => p.Account == "liabilities:exchange-clearing").ToList();
        Assert.Equal(2, clearing.Count);
        Assert.Equal(0, clearing.Sum(p => p.AmountPaise));
        await AssertHledgerCleanAsync();
    }

    [Fact]
    public async Task ReturnTakingBackSpentPoints_FlagsTheOverdraftWithAReviewItem()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var customer = new CustomerDto("9812345670");
        var sale = till.Orders.Next([OrderFactory.Line("GHEE-1L", 2)], customer);
        sale = sale with { Loyalty = new LoyaltyDto(40, 0) };
        await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);
        var returned = new ReturnFactory(till.Orders, till.BillPrefix).Build(sale, till.TillId, [(1, 2m, ReturnConditions.Restock)]);
        // The customer spent the points elsewhere before returning the goods: the whole earn comes back below zero.
        var spend = till.Orders.Next([OrderFactory.Line("SOAP-125G", 1)], customer);
        spend = spend with { Loyalty = new LoyaltyDto(0, 40) };
        await till.SyncDocumentsAsync([TillClient.SaleDocument(spend)]);
        var document = new TillDocumentDto(DocumentKinds.Return, Guid.CreateVersion7(), till.Orders.NextSeq++,
            Return: returned with { Loyalty = new ReturnLoyaltyDto(customer.Phone!, 40, 0) });

        var reply = (await till.SyncDocumentsAsync([document])).Results[0];

        Assert.Equal(SyncStatus.Created, reply.Status);
        Assert.Contains(OrderFlags.LoyaltyOverdraft, reply.Flags);
        Assert.Single((await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.LoyaltyOverdraft}")).Items, i => i.ClientOrderId == document.DocumentId);
        await AssertHledgerCleanAsync();
    }

    [Fact]
    public async Task GstSummary_ListsCreditNotesApartFromBills_B2BAndB2C()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var returns = new ReturnFactory(till.Orders, till.BillPrefix);
        var b2b = till.Orders.Next([OrderFactory.Line("GHEE-1L", 2)], HqScenario.B2BInterState);
        var b2c = till.Orders.NextWalkIn([OrderFactory.Line("SOAP-125G", 4)]);
        var before = await Ledger.GstSummaryAsync();
        var b2bReturn = returns.Next(b2b, till.TillId, [(1, 1m, ReturnConditions.Restock)]);
        var b2cReturn = returns.Next(b2c, till.TillId, [(1, 2m, ReturnConditions.Damaged)]);

        await till.SyncDocumentsAsync([TillClient.SaleDocument(b2b), TillClient.SaleDocument(b2c), b2bReturn, b2cReturn]);

        var after = await Ledger.GstSummaryAsync();
        Assert.Equal(before.Totals.Invoices + 2, after.Totals.Invoices);
        Assert.Equal((before.CreditNoteTotals?.Invoices ?? 0) + 2, after.CreditNoteTotals!.Invoices);
        var b2bRow = Assert.Single(after.CreditNotes!, r => r.Supply == "B2B" && r.InterState == true && r.GstRateBp == 1200);
        var b2bBefore = before.CreditNotes?.SingleOrDefault(r => r.Supply == "B2B" && r.InterState == true && r.GstRateBp == 1200);
        Assert.Equal(b2bReturn.Return!.Totals.IgstPaise, b2bRow.IgstPaise - (b2bBefore?.IgstPaise ?? 0));
        var b2cRow = Assert.Single(after.CreditNotes!, r => r.Supply == "B2C" && r.InterState == false && r.GstRateBp == 1800);
        var b2cBefore = before.CreditNotes?.SingleOrDefault(r => r.Supply == "B2C" && r.InterState == false && r.GstRateBp == 1800);
        Assert.Equal(b2cReturn.Return!.Totals.TaxablePaise, b2cRow.TaxablePaise - (b2cBefore?.TaxablePaise ?? 0));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_files, recursive: true);
        return Task.CompletedTask;
    }

    private async Task AssertHledgerCleanAsync()
    {
        var file = Path.Combine(_files, $"{Guid.CreateVersion7():N}.journal");
        await File.WriteAllTextAsync(file, await Ledger.HledgerAsync());
        var (exitCode, output) = await Hledger.RunAsync(file, "check", "--strict");
        Assert.True(exitCode == 0, $"hledger check --strict failed ({exitCode}):\n{output}");
        var trial = await Ledger.TrialBalanceAsync();
        Assert.Equal(trial.TotalDebitPaise, trial.TotalCreditPaise);
    }
}
