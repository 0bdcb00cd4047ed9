// The books' side of the cost tests: a second store in the default store's state, and the inventory invariant — the
// inventory account = Σ on-hand × cost over every store and SKU — read straight from HQ's database.
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Hq.Storage;
using TillSync.Storage;
using TillSync.Hq.Tests.Accounting;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Catalog;

/// <summary>The books' side of a cost test: a second store in the default store's state, and the inventory invariant read
/// straight from HQ's database.</summary>
internal static class CostBooks
{
    public static async Task<long> AddStoreAsync(HqProcess hq)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        var store = await Responses.ExpectAsync(
            await client.PostAsync("/api/v1/stores", JsonContent.Create(
                HqScenario.Store with { LegalName = "Indiranagar Provisions Private Limited", Address1 = "80 Feet Road" }, TillSyncJsonContext.Default.StoreDto)),
            HttpStatusCode.Created, TillSyncJsonContext.Default.StoreView, hq);
        return store.StoreId;
    }

    /// <summary>Asserts the inventory account (Σ its postings) = Σ on-hand × cost over every store and SKU, to the paisa (the
    /// tests move whole units only), and that the maintained balances equal a full scan.</summary>
    public static async Task AssertInventoryAtCostAsync(HqProcess hq, LedgerClient ledger)
    {
        await using var database = hq.Postgres is { } postgres ? HqDatabase.Postgres(postgres) : HqDatabase.Sqlite(hq.DataDir);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var snapshot = await database.BeginReadAsync(connection, CancellationToken.None);
        var onHand = await connection.Command("""
            SELECT s.store_id, s.sku, s.qty_milli, p.cost_paise FROM stock_on_hand s JOIN products p ON p.sku = s.sku WHERE s.qty_milli <> 0
            """, snapshot).ListAsync(r => (Store: r.GetInt64(0), Sku: r.GetString(1), QtyMilli: r.GetInt64(2), CostPaise: r.GetInt64(3)), CancellationToken.None);
        var inventoryPaise = Convert.ToInt64(await connection.Command(
            "SELECT COALESCE(CAST(SUM(amount_paise) AS BIGINT), 0) FROM journal_postings WHERE account = 'assets:inventory'", snapshot)
            .ScalarAsync(CancellationToken.None), CultureInfo.InvariantCulture);
        await snapshot.CommitAsync(CancellationToken.None);

        Assert.All(onHand, s => Assert.True(s.QtyMilli % 1_000 == 0, $"{s.Sku} in store {s.Store}: {s.QtyMilli} thousandths is not whole units"));
        Assert.Equal(onHand.Sum(s => checked(s.QtyMilli / 1_000 * s.CostPaise)), inventoryPaise);
        var check = await ledger.CheckAsync();
        Assert.True(check.TrialBalanceMatches && check.GstSummaryMatches && check.DaySalesMatches, check.ToString());
        Assert.Equal(inventoryPaise, Books.Balance(await ledger.TrialBalanceAsync(), "assets:inventory"));
    }
}
