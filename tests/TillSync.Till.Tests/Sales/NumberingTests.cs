// Proves the printed numbers leave tillSeq (ADR 0007): every document takes the next tillSeq, bills keep one running
// number across the financial year's end, credit notes start again from 1 in each financial year, and a till whose HQ
// holds more of its documents than it knows (restored, reinstalled) skips numbers rather than print one twice.
// LocalTill on a fake clock around 1 April (IST).
using TillSync.Contracts.Documents;
using TillSync.Core.Orders;
using TillSync.Till.Receipts;
using TillSync.Till.Returns;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;
using TillSync.Till.Tests.Returns;

namespace TillSync.Till.Tests.Sales;

public sealed class NumberingTests
{
    private static readonly DateTimeOffset YearEnd = new(2027, 3, 31, 23, 58, 0, BillNumber.IstOffset);

    [Fact]
    public async Task Numbers_AcrossTheFinancialYearsEnd_BillsRunOnAndCreditNotesStartAgain()
    {
        await using var till = await LocalTill.CreateAsync(now: YearEnd);
        var numbers = new List<(long Seq, string Number)>();

        var march = await till.SellAsync(Carts.PaidInCash([new CartLine("SOAP-125G", 3)]));
        numbers.Add((march.TillSeq, march.BillNo));
        numbers.Add(Of(await ReturnRecorderTests.RecordAsync(till, OneSoap(march))));
        till.Time.Advance(TimeSpan.FromMinutes(2)); // 1 April 2027, 00:00 IST: financial year 2027-28
        var april = await till.SellAsync(Carts.PaidInCash([new CartLine("SOAP-125G", 3)]));
        numbers.Add((april.TillSeq, april.BillNo));
        numbers.Add(Of(await ReturnRecorderTests.RecordAsync(till, OneSoap(march))));
        numbers.Add(Of(await ReturnRecorderTests.RecordAsync(till, OneSoap(april))));

        Assert.Equal(
            [(1L, "T07/2627/000001"), (2L, "T07/2627/C00001"), (3L, "T07/2728/000002"), (4L, "T07/2728/C00001"), (5L, "T07/2728/C00002")],
            numbers);
    }

    [Fact]
    public async Task Numbers_HqHoldsMoreThanTheTillKnows_SkipAheadOfAllOfIt()
    {
        // A reinstalled till: an empty till.db, and HQ already holds 41 of its documents.
        await using var till = await LocalTill.CreateAsync(nextSeq: 42, now: YearEnd.AddDays(-10));

        var sale = await till.SellAsync(Carts.PaidInCash([new CartLine("SOAP-125G", 1)]));
        var note = await ReturnRecorderTests.RecordAsync(till, OneSoap(sale));

        Assert.Equal((42L, "T07/2627/000042"), (sale.TillSeq, sale.BillNo));
        Assert.Equal((43L, "T07/2627/C00042"), (note.TillSeq, note.CreditNoteNo));
    }

    private static ReturnRequest OneSoap(Receipt sale) =>
        ReturnRecorderTests.Return(new OriginalReference(SaleId: sale.ClientOrderId), [new ReturnLineRequest(1, 1, ReturnConditions.Restock)]);

    private static (long, string) Of(CreditNote note) => (note.TillSeq, note.CreditNoteNo);
}
