// Proves HQ creates its data owner-only: the data dir 0700, hq.db and the -wal and -shm files SQLite adds once HQ
// writes, 0600; and an hq.db an older HQ left world-readable is narrowed at start. A real `tillsync hq` on SQLite.
using TillSync.Testing;

namespace TillSync.Hq.Tests.Storage;

[System.Runtime.Versioning.SupportedOSPlatform("linux")] // Unix file modes
public sealed class DataFilePermissionTests : IAsyncLifetime
{
    private readonly string _data = TempDirectory.Reserve("hq-permissions");
    private readonly string _adminToken = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task Hq_AfterAWrite_DatabaseAndItsWalAndShmAreOwnerOnly()
    {
        using var hq = await StartSqliteHqAsync();
        await PutStoreAsync(hq);

        OwnerOnlyAssert.Directory(_data);
        OwnerOnlyAssert.Files(Path.Combine(_data, "hq.db"), Path.Combine(_data, "hq.db-wal"), Path.Combine(_data, "hq.db-shm"));
    }

    [Fact]
    public async Task Hq_DatabaseLeftWorldReadable_IsNarrowedAtStart()
    {
        using (var first = await StartSqliteHqAsync())
        {
            await PutStoreAsync(first);
            first.KillHard();
        }

        foreach (var file in Directory.GetFiles(_data))
        {
            File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        using var second = await StartSqliteHqAsync();
        await PutStoreAsync(second);

        OwnerOnlyAssert.Files(Path.Combine(_data, "hq.db"), Path.Combine(_data, "hq.db-wal"), Path.Combine(_data, "hq.db-shm"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TempDirectory.DeleteAsync(_data);

    // SQLite whatever store the suite runs on: this is about the SQLite files.
    private Task<ServerProcess> StartSqliteHqAsync() =>
        ServerProcess.StartAsync("hq", ["--urls", "http://127.0.0.1:0", "--data", _data],
            new Dictionary<string, string> { ["TILLSYNC_ADMIN_TOKEN"] = _adminToken }, new ServerOutput());

    private async Task PutStoreAsync(ServerProcess hq)
    {
        using var http = new HttpClient(new IdempotencyKeys()) { BaseAddress = hq.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _adminToken);
        using var store = await http.PutAsync(new Uri("/api/v1/store", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(HqScenario.Store, TillSync.Contracts.TillSyncJsonContext.Default.StoreDto));
        Assert.Equal(System.Net.HttpStatusCode.OK, store.StatusCode);
    }
}
