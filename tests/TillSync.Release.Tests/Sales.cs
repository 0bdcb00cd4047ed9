// The one sale every release test rings up, from setting up the shop to HQ's record of it, so that each test says only
// which tillsync runs HQ and which runs the till.
using TillSync.Contracts.Orders;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Sales;

namespace TillSync.Release.Tests;

/// <summary>The one sale the release tests ring up, from setting up the shop to HQ's record of it.</summary>
internal static class Sales
{
    /// <summary>Sets up the shop at <paramref name="hq"/>, runs a till from <paramref name="tillExecutable"/>, sells two
    /// packets of milk at the total the till quotes, waits until the till's queue drained, and returns HQ's order with
    /// the receipt and the till's first status.</summary>
    public static async Task<(TillSync.Till.Receipts.Receipt Receipt, OrderView Order, TillSync.Till.Web.TillStatusView TillStatus)> SellThroughTillAsync(
        HqProcess hq, TillSyncExecutable tillExecutable)
    {
        await HqScenario.SetUpAsync(hq);
        var enrolment = await HqScenario.EnrolTillAsync(hq);
        await using var till = await TillProcess.StartAsync(hq.BaseAddress, enrolment.Token, tillExecutable);
        var status = await till.Api.WaitOnlineAsync();
        List<CartLine> lines = [new("MILK-500ML", 2)];
        var quote = await till.Api.QuoteAsync(new QuoteRequest(lines));
        var receipt = await till.Api.SellAsync(new SaleRequest(lines, [new Tender(PaymentMethods.Cash, quote.Totals.TotalPaise)]));
        await till.Api.WaitDrainedAsync();
        return (receipt, await new ManagerClient(hq).GetOrderAsync(receipt.ClientOrderId), status);
    }
}
