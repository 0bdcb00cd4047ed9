// Proves a till creates its data owner-only: the data dir 0700; till.db, which holds customers' phones and GSTINs, and
// the -wal and -shm files SQLite adds once a sale is written, 0600. Real HQ and till processes.
using TillSync.Testing;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Storage;

[System.Runtime.Versioning.SupportedOSPlatform("linux")] // Unix file modes
public sealed class DataFilePermissionTests
{
    [Fact]
    public async Task Till_AfterASale_DatabaseAndItsWalAndShmAreOwnerOnly()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var enrolled = await HqScenario.EnrolTillAsync(hq);
        await using var till = await TillProcess.StartAsync(hq.BaseAddress, enrolled.Token);
        await till.Api.WaitOnlineAsync();

        await till.Api.SellAsync(Carts.PaidInCash([new("RICE-5KG", 1)], HqScenario.B2BIntraState));

        OwnerOnlyAssert.Directory(till.DataDir);
        OwnerOnlyAssert.Files(Path.Combine(till.DataDir, "till.db"), Path.Combine(till.DataDir, "till.db-wal"), Path.Combine(till.DataDir, "till.db-shm"));
    }
}
