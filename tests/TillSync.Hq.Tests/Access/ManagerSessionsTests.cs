// Proves a back-office session ends on time and stores no secret: on a fake clock over HQ's real migrated database
// (SQLite, or PostgreSQL when the suite runs on it), a session unused for the idle timeout has ended, one in use lasts
// until its absolute expiry and no longer, sign-out deletes it, and the table holds only the cookie's SHA-256.
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using TillSync.Hq.Access;
using TillSync.Hq.Storage;
using TillSync.Hq.Tests.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Tests.Access;

public sealed class ManagerSessionsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-12-06T04:30:00Z", CultureInfo.InvariantCulture);
    private static readonly ManagerSessionOptions Options = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(8));
    private readonly FakeTimeProvider _clock = new(Start);
    private OneTillDatabase? _store;

    private HqDatabase Database => _store?.Database ?? throw new InvalidOperationException("not initialised");

    [Fact]
    public async Task Session_UnusedForTheIdleTimeout_HasEnded()
    {
        var sessions = new ManagerSessions(Database, _clock, Options);
        var cookie = await SignInAsync(sessions);

        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal("admin", (await sessions.FindAsync(Request(cookie), CancellationToken.None))?.Manager.Name);
        _clock.Advance(TimeSpan.FromMinutes(29)); // 29 min after its last use: still live
        Assert.NotNull(await sessions.FindAsync(Request(cookie), CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Null(await sessions.FindAsync(Request(cookie), CancellationToken.None));
    }

    [Fact]
    public async Task Session_InUse_EndsAtItsAbsoluteExpiry()
    {
        var sessions = new ManagerSessions(Database, _clock, Options);
        var cookie = await SignInAsync(sessions);
        for (var minutes = 20; minutes < 8 * 60; minutes += 20)
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            var live = await sessions.FindAsync(Request(cookie), CancellationToken.None);
            Assert.NotNull(live);
            Assert.Equal(Start + Options.Lifetime, live.ExpiresAt);
        }

        _clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Null(await sessions.FindAsync(Request(cookie), CancellationToken.None));
    }

    [Fact]
    public async Task SignOut_DeletesTheSession_AndOnlyItsHashWasStored()
    {
        var sessions = new ManagerSessions(Database, _clock, Options);
        var cookie = await SignInAsync(sessions);
        var other = await SignInAsync(sessions);
        var stored = await StoredHashesAsync();
        Assert.Equal(new[] { Tokens.Hash(cookie), Tokens.Hash(other) }.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(cookie, stored);

        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"{ManagerSessions.CookieName}={cookie}";
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        await using (var transaction = await Database.BeginWriteAsync(connection, CancellationToken.None))
        {
            Assert.True(await sessions.EndAsync(http, connection, transaction, CancellationToken.None));
            await transaction.CommitAsync(CancellationToken.None);
        }

        Assert.Null(await sessions.FindAsync(Request(cookie), CancellationToken.None));
        Assert.NotNull(await sessions.FindAsync(Request(other), CancellationToken.None));
        Assert.Equal([Tokens.Hash(other)], await StoredHashesAsync());
    }

    public async Task InitializeAsync()
    {
        _store = await OneTillDatabase.CreateAsync("manager-sessions", _clock);
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await connection.Command("INSERT INTO managers (name, token_hash, created_at) VALUES ('admin', 'not-a-real-hash', @at)")
            .With("@at", StoredTime.Text(Start)).ExecuteAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    // Signs the admin in as the sign-in endpoint does; answers the cookie's value as set on the answer.
    private async Task<string> SignInAsync(ManagerSessions sessions)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var adminId = Convert.ToInt64(await connection.Command("SELECT manager_id FROM managers WHERE name = 'admin'").ScalarAsync(CancellationToken.None),
            CultureInfo.InvariantCulture);
        await using var transaction = await Database.BeginWriteAsync(connection, CancellationToken.None);
        var http = new DefaultHttpContext();
        await sessions.StartAsync(http, new Caller(CallerKind.Manager, adminId, 0, "admin"), connection, transaction, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        var setCookie = http.Response.Headers.SetCookie.ToString();
        Assert.StartsWith($"{ManagerSessions.CookieName}=", setCookie, StringComparison.Ordinal);
        return setCookie[(ManagerSessions.CookieName.Length + 1)..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static HttpRequest Request(string cookie)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"{ManagerSessions.CookieName}={cookie}";
        return http.Request;
    }

    private async Task<List<string>> StoredHashesAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.Command("SELECT session_hash FROM manager_sessions").ListAsync(r => r.GetString(0), CancellationToken.None);
    }
}
