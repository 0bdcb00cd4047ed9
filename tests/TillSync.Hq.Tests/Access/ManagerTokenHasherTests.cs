// Proves manager tokens are stored only as a salted slow hash: a new salt per hash, the right token verifies and a wrong
// one does not; and a real HQ holds no SHA-256 of the token in hq.db — a hash an older HQ stored is replaced at first use.
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TillSync.Hq.Access;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Access;

public sealed class ManagerTokenHasherTests : IAsyncLifetime
{
    private readonly string _data = TempDirectory.Reserve("hq-manager-hash");
    private readonly string _token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Hash_SameTokenTwice_DifferentSaltsBothVerify()
    {
        var hasher = new ManagerTokenHasher(Options.Create(new PasswordHasherOptions()));

        var first = hasher.Hash(_token);
        var second = hasher.Hash(_token);

        Assert.NotEqual(first, second);
        Assert.False(ManagerTokenHasher.IsLegacy(first));
        var fresh = new ManagerTokenHasher(Options.Create(new PasswordHasherOptions())); // nothing remembered
        Assert.True(fresh.Matches(first, _token));
        Assert.True(fresh.Matches(second, _token));
        Assert.False(fresh.Matches(first, _token[..^1] + "x"));
        Assert.DoesNotContain(Tokens.Hash(_token), first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hq_LegacySha256HashStored_TokenStillWorksAndTheHashIsReplaced()
    {
        using (var first = await StartSqliteHqAsync(_token))
        {
            Assert.Equal(HttpStatusCode.OK, await TillsStatusAsync(first, _token));
            first.KillHard();
        }

        Assert.False(ManagerTokenHasher.IsLegacy(await StoredHashAsync()));
        Assert.DoesNotContain(Tokens.Hash(_token), await StoredHashAsync(), StringComparison.Ordinal);
        await StoreLegacyHashAsync(Tokens.Hash(_token));

        using var second = await StartSqliteHqAsync(null);

        Assert.Equal(HttpStatusCode.OK, await TillsStatusAsync(second, _token));
        Assert.Equal(HttpStatusCode.Unauthorized, await TillsStatusAsync(second, _token[..^1] + "x"));
        Assert.False(ManagerTokenHasher.IsLegacy(await StoredHashAsync()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await TempDirectory.DeleteAsync(_data);
    }

    private Task<ServerProcess> StartSqliteHqAsync(string? adminToken) =>
        ServerProcess.StartAsync("hq", ["--urls", "http://127.0.0.1:0", "--data", _data],
            adminToken is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["TILLSYNC_ADMIN_TOKEN"] = adminToken },
            new ServerOutput());

    private static async Task<HttpStatusCode> TillsStatusAsync(ServerProcess hq, string token)
    {
        using var http = new HttpClient { BaseAddress = hq.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync(new Uri("/api/v1/tills", UriKind.Relative));
        return response.StatusCode;
    }

    private async Task<string> StoredHashAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "hq.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT token_hash FROM managers WHERE name = 'admin'";
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
    }

    // What an HQ before slow hashes stored: the token's SHA-256 in hex.
    private async Task StoreLegacyHashAsync(string sha256)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "hq.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE managers SET token_hash = @hash WHERE name = 'admin'";
        command.Parameters.AddWithValue("@hash", sha256);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
