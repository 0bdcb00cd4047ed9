// Proves registration survives an unreliable IRP: with 30 % of calls failing and 30 % committing then dropping the
// connection, every B2B bill of two tills ends registered exactly once, in tillSeq order per till; B2C is never sent.
using TillSync.Core.EInvoicing;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class EInvoiceChaosTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    private const int B2BBillsPerTill = 20;

    [Fact]
    public async Task FlakyIrp_EveryB2BBillRegisteredOnce_InTillSeqOrder_B2CNeverSent()
    {
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        await irp.SetFaultsAsync(latencyMs: 0, failureRate: 0.3, commitThenTimeoutRate: 0.3);
        var tills = new[] { await fixture.EnrolTillAsync(), await fixture.EnrolTillAsync() };
        var b2cBills = new List<Contracts.Sync.OrderDto>();
        foreach (var till in tills)
        {
            var orders = new List<Contracts.Sync.OrderDto>();
            for (var i = 0; i < B2BBillsPerTill; i++)
            {
                orders.Add(till.Orders.Next([OrderFactory.Line("SOAP-125G", i + 1)], i % 3 == 0 ? EInvoiceFixture.InterStateBuyer : EInvoiceFixture.Buyer));
                if (i % 5 == 0)
                {
                    var b2c = till.Orders.Build(till.Orders.NextSeq++, [OrderFactory.Line("MILK-500ML", 1)]);
                    orders.Add(b2c);
                    b2cBills.Add(b2c);
                }
            }

            await till.SyncAsync(orders);
        }

        // Under the faults an attempt fails about half the time, so a bill can meet a long run of failures and, with
        // the retry delay growing to a minute, still be pending after any fixed wait — holding back its till's later
        // bills, which go in tillSeq order. The chaos therefore runs for at most two minutes; then the IRP heals and
        // whatever is still pending must settle within two more (one retry delay and the lookups of the bills whose
        // replies were lost). Exactly-once and the order are checked over everything either phase registered.
        var chaosUntil = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < chaosUntil && !await AllSettledAsync(tills.Select(t => t.TillId)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        await irp.SetFaultsAsync(latencyMs: 0, failureRate: 0, commitThenTimeoutRate: 0);
        var billsByTill = new List<IReadOnlyList<Contracts.EInvoicing.EInvoiceView>>();
        foreach (var till in tills)
        {
            billsByTill.Add(await fixture.SettledAsync(till.TillId, B2BBillsPerTill, TimeSpan.FromMinutes(2)));
        }

        foreach (var bills in billsByTill)
        {
            Assert.All(bills, b => Assert.Equal("registered", b.Status));
            var ackNos = bills.OrderBy(b => b.TillSeq).Select(b => b.AckNo!.Value).ToList();
            Assert.Equal(ackNos.Order(), ackNos);
            foreach (var bill in bills)
            {
                Assert.True(DocumentDates.TryParse(bill.DocDate, out var date));
                var atIrp = await irp.GetByDocumentAsync(EInvoiceDocumentType.Invoice, bill.DocNo, date);
                Assert.Equal(bill.AckNo, atIrp.Data!.AckNo);
                Assert.Equal(bill.Irn, atIrp.Data.Irn);
            }
        }

        // The faults did happen: some bills needed more than one attempt.
        Assert.Contains(billsByTill.SelectMany(b => b), b => b.Attempts > 1);
        Assert.Equal(B2BBillsPerTill * 2, billsByTill.SelectMany(b => b).Select(b => b.AckNo).Distinct().Count());
        foreach (var b2c in b2cBills)
        {
            var atIrp = await irp.GetByDocumentAsync(EInvoiceDocumentType.Invoice, b2c.BillNo, DateOnly.FromDateTime(b2c.CreatedAt.DateTime));
            Assert.True(atIrp.HasError(IrpErrorCodes.IrnNotFound), $"B2C bill {b2c.BillNo} is at the IRP");
        }
    }

    private async Task<bool> AllSettledAsync(IEnumerable<long> tillIds)
    {
        foreach (var tillId in tillIds)
        {
            var bills = await fixture.ListAsync(tillId);
            if (bills.Count != B2BBillsPerTill || bills.Any(b => b.Status == "pending"))
            {
                return false;
            }
        }

        return true;
    }
}
