// Proves two HQ instances on one database register each B2B bill once: both run the worker, the lease on each bill
// lets one of them send it, so the IRP never sees a bill twice (no 2150) and each till's bills keep their tillSeq order.
// An attempt whose outcome is unknown (the IRP slower than HQ's call timeout on a busy machine, a dropped connection) is
// retried after a lookup, as it must be, and each such retry is logged: a bill taken by the other instance while one
// still worked on it would show an attempt that no log line explains, or a duplicate answer without a retry before it.
using TillSync.Contracts.EInvoicing;
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
            var logs = (fixture.Hq.Output(10_000) + "\n" + sibling.Output(10_000)).Split('\n');
            Assert.All(bills, b => Assert.Equal("registered", b.Status));
            Assert.All(bills, b => SentOnceUnlessRetried(b, logs));
            var ackNos = bills.Select(b => b.AckNo!.Value).ToList();
            Assert.Equal(ackNos.Order(), ackNos);
        }
    }

    // Every attempt after the first follows a logged retry (postponed on an unknown outcome, or failed and retried when
    // its lease ended). A duplicate-IRN (2150) answer, which reaches the log in one of the registrar's three ways
    // (adopted, parked, postponed), is only possible after such a retry: a first attempt answered 2150 was a second send.
    private static void SentOnceUnlessRetried(EInvoiceView bill, string[] logs)
    {
        var about = logs.Where(line => line.Contains($"E-invoice {bill.ClientOrderId:D} ", StringComparison.Ordinal)).ToList();
        var retries = about.Count(line => line.Contains(" postponed after attempt", StringComparison.Ordinal) || line.Contains(" failed (", StringComparison.Ordinal));
        Assert.Equal(1 + retries, bill.Attempts);
        if (retries == 0)
        {
            Assert.DoesNotContain(about, line => line.Contains("after 2150", StringComparison.Ordinal)
                || line.Contains("answered 2150", StringComparison.Ordinal) || line.Contains("2150 duplicate", StringComparison.Ordinal));
        }
    }
}
