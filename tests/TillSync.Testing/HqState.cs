// What "changes nothing" means for a till, captured before and compared after a bad request: the orders HQ has
// recorded for it, the sequence number it expects next, and on-hand of every SKU.
using TillSync.Contracts.Orders;

namespace TillSync.Testing;

/// <summary>A till's footprint at HQ at one moment.</summary>
/// <param name="OrderIds">The till's recorded orders (committed or rejected) in commit order.</param>
/// <param name="NextSeq">The tillSeq HQ expects next.</param>
/// <param name="OnHand">On-hand per SKU.</param>
public sealed record HqState(IReadOnlyList<Guid> OrderIds, long NextSeq, IReadOnlyDictionary<string, decimal> OnHand)
{
    public static async Task<HqState> CaptureAsync(TillClient till)
    {
        var manager = new ManagerClient(till.Hq);
        IReadOnlyList<OrderView> orders = await manager.ListAllOrdersAsync(till.TillId);
        var nextSeq = (await manager.GetTillAsync(till.TillId)).NextSeq;
        return new HqState([.. orders.Select(o => o.ClientOrderId)], nextSeq, await manager.OnHandAllAsync());
    }

    /// <summary>Asserts that nothing the till can affect has changed since <paramref name="before"/>.</summary>
    public static async Task AssertUnchangedAsync(TillClient till, HqState before)
    {
        var after = await CaptureAsync(till);
        Assert.Equal(before.OrderIds, after.OrderIds);
        Assert.Equal(before.NextSeq, after.NextSeq);
        Assert.Equal(before.OnHand, after.OnHand);
    }

    /// <summary>Asserts that HQ still answers its health check.</summary>
    public static async Task AssertHealthyAsync(HqProcess hq)
    {
        using var client = hq.CreateClient(null);
        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        await Responses.ExpectStatusAsync(response, System.Net.HttpStatusCode.OK, hq);
    }
}
