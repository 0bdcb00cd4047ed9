// Proves a till started with --mirror keeps a current copy of till.db in the second directory: after sales rung up over
// a real till process's HTTP API, the mirror opens as a sound SQLite database (integrity_check) and holds the last sale
// with its bill number. The test waits for that condition, polling the mirror file, never for a time.
using Microsoft.Data.Sqlite;
using TillSync.Testing;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Mirror;

public sealed class DatabaseMirrorTests
{
    [Fact]
    public async Task Mirror_AfterSales_OpensAndHoldsTheLastSale()
    {
        await using var shop = await TillScenario.StartAsync();
        var mirror = TempDirectory.Reserve("mirror");
        try
        {
            await using var till = await TillProcess.StartAsync(shop.Link.Address, shop.Till.Token, "--mirror", mirror);
            await till.Api.WaitOnlineAsync(); // its snapshot brings the staff the harness logs in
            var last = (await Carts.SellSugarAsync(till.Api, 3))[^1];

            var billNo = await Eventually.UntilAsync(() => MirroredBillAsync(Path.Combine(mirror, "till.db"), last.ClientOrderId), b => b is not null,
                Patience.Exchanges, $"the mirror to hold sale {last.ClientOrderId}", till);

            Assert.Equal(last.BillNo, billNo);
        }
        finally
        {
            await TempDirectory.DeleteAsync(mirror);
        }
    }

    // The bill number of the sale in the mirror, or null while the mirror does not exist or does not hold it yet. A mirror
    // that exists must open and pass its integrity check: it is only ever replaced whole.
    private static async Task<string?> MirroredBillAsync(string mirrorFile, Guid clientOrderId)
    {
        if (!File.Exists(mirrorFile))
        {
            return null;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = mirrorFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
        await using var sales = connection.CreateCommand();
        sales.CommandText = "SELECT d.document_id, d.number FROM sales s JOIN documents d ON d.till_seq = s.till_seq";
        await using var reader = await sales.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (Guid.Parse(reader.GetString(0)) == clientOrderId)
            {
                return reader.GetString(1);
            }
        }

        return null;
    }
}
