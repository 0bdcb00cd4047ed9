// Proves the offline burn check: the snapshot's balance less the points this till burned for the phone since the snapshot,
// and (the store LAN, issue 25 item 3) less those another till of the store burned since its head in the snapshot, and not
// those HQ already counted. Two real till.db
// files (LocalTill), the seller's sale copied into the reader as the exchange copies it.
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Sync;
using TillSync.Till.Loyalty;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Loyalty;

public sealed class LoyaltyBalancesTests
{
    private const string Phone = "9876543210";
    private static readonly LoyaltySettingsDto Settings = new(1, 25, BurnGstTreatments.Tender, 20_000, 300, 5, 5, 60, 900, 90);

    [Fact]
    public async Task ForBurn_TakesOffBurnsAtOtherTillsSinceTheirHead_NotThoseHqCounted()
    {
        await using var seller = await LocalTill.CreateAsync(nextSeq: null);
        await using var reader = await LocalTill.CreateAsync(nextSeq: null);
        await seller.Snapshots.SaveAsync(LocalTill.Snapshot(1, seller.Time.GetUtcNow(), loyalty: Loyalty(seller)), CancellationToken.None);
        var cart = new List<CartLine> { new("GHEE-1L", 2) };
        var total = Carts.ExpectedTotals(cart).TotalPaise;
        await seller.SellAsync(new SaleRequest(cart, [new Tender(PaymentMethods.Cash, total - 400 * 25)], new CustomerDto(Phone), new SaleLoyalty(400)));
        await reader.Snapshots.SaveAsync(PeerCopying.ReaderSnapshot(seller, sellerHead: 1, Loyalty(seller)), CancellationToken.None);
        var balances = new LoyaltyBalances(reader.Snapshots, reader.Database);
        var before = await balances.ForBurnAsync(Phone, CancellationToken.None);

        Assert.Equal(1, await PeerCopying.CopyAsync(seller, reader));
        var afterCopy = await balances.ForBurnAsync(Phone, CancellationToken.None);
        // HQ committed the seller's sale: the next snapshot's balance counts it, and the seller's head is past it.
        await reader.Snapshots.SaveAsync(PeerCopying.ReaderSnapshot(seller, sellerHead: 2, Loyalty(seller, 600)), CancellationToken.None);
        var afterHq = await balances.ForBurnAsync(Phone, CancellationToken.None);

        Assert.Equal(1_000, before);
        Assert.Equal(600, afterCopy);
        Assert.Equal(600, afterHq);
    }

    [Fact]
    public async Task ForBurn_TakesOffThisTillsOwnBurnsSinceTheSnapshot_SoTheSamePointsAreNotSpentTwiceOffline()
    {
        await using var till = await LocalTill.CreateAsync(nextSeq: null);
        await till.Snapshots.SaveAsync(LocalTill.Snapshot(1, till.Time.GetUtcNow(), loyalty: Loyalty(till)), CancellationToken.None);
        var cart = new List<CartLine> { new("GHEE-1L", 2) };
        var total = Carts.ExpectedTotals(cart).TotalPaise;
        var burn400 = new SaleRequest(cart, [new Tender(PaymentMethods.Cash, total - 400 * 25)], new CustomerDto(Phone), new SaleLoyalty(400));
        var balances = new LoyaltyBalances(till.Snapshots, till.Database);

        await till.SellAsync(burn400);
        var afterOne = await balances.ForBurnAsync(Phone, CancellationToken.None);
        await till.SellAsync(burn400);
        var afterTwo = await balances.ForBurnAsync(Phone, CancellationToken.None);
        var (third, problem) = await till.Recorder.RecordAsync(burn400, CancellationToken.None);

        Assert.Equal(600, afterOne);
        Assert.Equal(200, afterTwo);
        Assert.Null(third);
        Assert.Contains("200", problem, StringComparison.Ordinal);
    }

    private static SnapshotLoyalty Loyalty(LocalTill till, long balancePoints = 1_000) =>
        new(Settings, [new LoyaltyBalance(Phone, balancePoints, till.Time.GetUtcNow())]);
}
