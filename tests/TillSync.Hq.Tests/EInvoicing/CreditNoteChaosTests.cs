// Proves credit notes survive an unreliable IRP as invoices do: with 30 % of calls failing and 30 % committing then
// dropping the connection, every B2B invoice and credit note of two tills ends with exactly one registration at the IRP,
// each credit note after its invoice, in tillSeq order per till. Real HQ and IRP processes, the IRP's own fault switches.
using TillSync.Contracts.Documents;
using TillSync.Contracts.EInvoicing;
using TillSync.Core.EInvoicing;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class CreditNoteChaosTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    private const int SalesPerTill = 12;

    [Fact]
    public async Task FlakyIrp_EveryInvoiceAndCreditNoteRegisteredOnce_InTillSeqOrder()
    {
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        await irp.SetFaultsAsync(latencyMs: 0, failureRate: 0.3, commitThenTimeoutRate: 0.3);
        var tills = new[]
        {
            await HqScenario.EnrolTillAsync(fixture.Hq, version: SyncVersion.V2), await HqScenario.EnrolTillAsync(fixture.Hq, version: SyncVersion.V2),
        };
        var documentsPerTill = 0;
        foreach (var till in tills)
        {
            var returns = new ReturnFactory(till.Orders, till.BillPrefix);
            var documents = new List<TillDocumentDto>();
            for (var i = 0; i < SalesPerTill; i++)
            {
                var sale = till.Orders.Next([OrderFactory.Line("SOAP-125G", i + 2)], i % 3 == 0 ? EInvoiceFixture.InterStateBuyer : EInvoiceFixture.Buyer);
                documents.Add(TillClient.SaleDocument(sale));
                if (i % 2 == 0)
                {
                    documents.Add(returns.Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)]));
                }
            }

            documentsPerTill = documents.Count;
            await till.SyncDocumentsAsync(documents);
        }

        // As in EInvoiceChaosTests: at most two minutes of chaos, then the IRP heals and what is left must settle.
        var chaosUntil = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < chaosUntil && !await AllRegisteredAsync(tills.Select(t => t.TillId), documentsPerTill))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        await irp.SetFaultsAsync(latencyMs: 0, failureRate: 0, commitThenTimeoutRate: 0);
        var all = new List<EInvoiceView>();
        foreach (var till in tills)
        {
            var bills = await Eventually.UntilAsync(() => fixture.ListAsync(till.TillId),
                b => b.Count == documentsPerTill && b.All(x => x.Status is "registered" or "failed"), TimeSpan.FromMinutes(3),
                $"the e-invoices of till {till.TillId} to settle", fixture.Hq);
            Assert.All(bills, b => Assert.True(b.Status == "registered", $"{b.DocType} {b.DocNo} is {b.Status}: {b.LastError}"));
            var ackNos = bills.OrderBy(b => b.TillSeq).Select(b => b.AckNo!.Value).ToList();
            Assert.Equal(ackNos.Order(), ackNos);
            Assert.Equal(SalesPerTill / 2, bills.Count(b => b.DocType == "CRN"));
            foreach (var note in bills.Where(b => b.DocType == "CRN"))
            {
                Assert.True(note.AckNo > bills.Single(b => b.DocNo == note.OriginalDocNo).AckNo, $"{note.DocNo} registered before its invoice");
            }

            all.AddRange(bills);
        }

        foreach (var bill in all)
        {
            Assert.True(DocumentTypes.TryParse(bill.DocType, out var type));
            Assert.True(DocumentDates.TryParse(bill.DocDate, out var date));
            var atIrp = await irp.GetByDocumentAsync(type, bill.DocNo, date);
            Assert.Equal((bill.Irn, bill.AckNo), (atIrp.Data!.Irn, atIrp.Data.AckNo));
        }

        // The faults did happen, and no document has two registrations.
        Assert.Contains(all, b => b.DocType == "CRN" && b.Attempts > 1);
        Assert.Equal(all.Count, all.Select(b => b.AckNo).Distinct().Count());
    }

    private async Task<bool> AllRegisteredAsync(IEnumerable<long> tillIds, int documentsPerTill)
    {
        foreach (var tillId in tillIds)
        {
            var bills = await fixture.ListAsync(tillId);
            if (bills.Count != documentsPerTill || bills.Any(b => b.Status != "registered"))
            {
                return false;
            }
        }

        return true;
    }
}
