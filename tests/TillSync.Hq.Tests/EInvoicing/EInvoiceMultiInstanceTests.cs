// Proves two HQ instances on one database register each B2B bill once: both run the worker, the lease on each bill
// lets one of them send it, so the IRP never sees a bill twice (no 2150) and each till's bills keep their tillSeq order.
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class EInvoiceMultiInstanceTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    [Fact]
    public async Task TwoHqInstances_EachBillSentOnce_InTillSeqOrder()
    {
        await using var sibling = await HqProcess.StartSiblingAsync(fixture.Hq);
        var tills = new[] { await fixture.EnrolTillAsync(), await fixture.EnrolTillAsync(), await fixture.EnrolTillAsync() };
        foreach (var till in tills)
        {
            await till.SyncAsync([.. Enumerable.Range(1, 10).Select(i => till.Orders.Next([OrderFactory.Line("RICE-5KG", i)], EInvoiceFixture.Buyer))]);
        }

        foreach (var till in tills)
        {
            var bills = await fixture.SettledAsync(till.TillId, 10);
            Assert.All(bills, b => Assert.Equal("registered", b.Status));
            Assert.All(bills, b => Assert.Equal(1, b.Attempts));
            var ackNos = bills.Select(b => b.AckNo!.Value).ToList();
            Assert.Equal(ackNos.Order(), ackNos);
        }

        Assert.DoesNotContain("2150", fixture.Hq.Output(10_000), StringComparison.Ordinal);
        Assert.DoesNotContain("2150", sibling.Output(10_000), StringComparison.Ordinal);
    }
}
