// Proves the back office's sign-in over real HTTP against a real HQ process: a wrong token is refused (and audited), a
// right one sets an HttpOnly, SameSite=Strict session cookie that the API takes in place of the bearer token; a write
// with the cookie but without the session's CSRF token is refused 403 and changes nothing; sign-out ends the session.
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Audit;
using TillSync.Contracts.Sessions;
using TillSync.Contracts.Stock;
using TillSync.Hq.Access;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Access;

public sealed class SessionEndpointTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private const string Sku = "SOAP-125G";

    [Fact]
    public async Task SignIn_WrongToken_Is401Audited_AndSetsNoCookie()
    {
        using var browser = Browser();
        using var refused = await browser.PostAsJsonAsync("/api/v1/session", new SignInRequest("mgr_not-the-token"), TillSyncJsonContext.Default.SignInRequest);

        Assert.Contains("not a manager token", await Responses.ExpectProblemAsync(refused, HttpStatusCode.Unauthorized, fixture.Hq), StringComparison.Ordinal);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        Assert.Contains(await AuditAsync("session.sign-in-failed"), e => e.Actor == "unknown");
    }

    [Fact]
    public async Task SessionCookie_ReadsAndWritesWithCsrf_RefusesWriteWithout_AndSignOutEndsIt()
    {
        using var browser = Browser();
        var (cookie, session) = await SignInAsync(browser);
        Assert.Equal("admin", session.Name);
        Assert.NotNull(session.CsrfToken);

        using (var who = await SendAsync(browser, HttpMethod.Get, "/api/v1/session", cookie))
        {
            Assert.Equal(session.CsrfToken, (await Responses.ExpectAsync(who, HttpStatusCode.OK, TillSyncJsonContext.Default.SessionView, fixture.Hq)).CsrfToken);
        }

        var before = await fixture.Manager.OnHandAsync(Sku);
        using (var forged = await SendAsync(browser, HttpMethod.Post, "/api/v1/stock/adjustments", cookie, Adjustment()))
        {
            Assert.Contains("X-CSRF-Token", await Responses.ExpectProblemAsync(forged, HttpStatusCode.Forbidden, fixture.Hq), StringComparison.Ordinal);
        }

        using (var wrong = await SendAsync(browser, HttpMethod.Post, "/api/v1/stock/adjustments", cookie, Adjustment(), csrf: "bm90LXRoZS10b2tlbg=="))
        {
            await Responses.ExpectProblemAsync(wrong, HttpStatusCode.Forbidden, fixture.Hq);
        }

        Assert.Equal(before, await fixture.Manager.OnHandAsync(Sku));
        using (var made = await SendAsync(browser, HttpMethod.Post, "/api/v1/stock/adjustments", cookie, Adjustment(), session.CsrfToken))
        {
            await Responses.ExpectStatusAsync(made, HttpStatusCode.Created, fixture.Hq);
        }

        Assert.Equal(before - 1, await fixture.Manager.OnHandAsync(Sku));

        using (var noCsrf = await SendAsync(browser, HttpMethod.Delete, "/api/v1/session", cookie))
        {
            await Responses.ExpectProblemAsync(noCsrf, HttpStatusCode.Forbidden, fixture.Hq);
        }

        using (var signedOut = await SendAsync(browser, HttpMethod.Delete, "/api/v1/session", cookie, csrf: session.CsrfToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
            Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{ManagerSessions.CookieName}=;", StringComparison.Ordinal));
        }

        using (var again = await SendAsync(browser, HttpMethod.Delete, "/api/v1/session", cookie, csrf: session.CsrfToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode); // a resent sign-out changes nothing and succeeds
        }

        using (var ended = await SendAsync(browser, HttpMethod.Get, "/api/v1/tills", cookie))
        {
            await Responses.ExpectProblemAsync(ended, HttpStatusCode.Unauthorized, fixture.Hq);
        }

        Assert.Single(await AuditAsync("session.signed-out"), e => e.Actor == "admin");
        Assert.Contains(await AuditAsync("session.signed-in"), e => e.Actor == "admin");
    }

    [Fact]
    public async Task BearerToken_StillWorks_WithoutCsrf_AndWinsOverACookie()
    {
        using var browser = Browser();
        var (cookie, _) = await SignInAsync(browser);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/session", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        request.Headers.Authorization = new("Bearer", "mgr_wrong-token-with-a-right-cookie");

        using var answer = await browser.SendAsync(request);

        await Responses.ExpectProblemAsync(answer, HttpStatusCode.Unauthorized, fixture.Hq);
        using var manager = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        var view = await Responses.ExpectAsync(await manager.GetAsync(new Uri("/api/v1/session", UriKind.Relative)), HttpStatusCode.OK,
            TillSyncJsonContext.Default.SessionView, fixture.Hq);
        Assert.Equal(("admin", null), (view.Name, view.CsrfToken));
    }

    // A client that keeps no cookies of its own: each test sends the session cookie by hand.
    private HttpClient Browser() => new(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = fixture.Hq.BaseAddress };

    private async Task<(string Cookie, SessionView Session)> SignInAsync(HttpClient browser)
    {
        using var signedIn = await browser.PostAsJsonAsync("/api/v1/session", new SignInRequest(fixture.Hq.AdminToken), TillSyncJsonContext.Default.SignInRequest);
        var setCookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        var session = await Responses.ExpectAsync(signedIn, HttpStatusCode.OK, TillSyncJsonContext.Default.SessionView, fixture.Hq);
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries);
        Assert.StartsWith($"{ManagerSessions.CookieName}=ses_", attributes[0], StringComparison.Ordinal);
        Assert.Contains("httponly", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("path=/", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", attributes, StringComparer.OrdinalIgnoreCase); // plain HTTP on loopback
        return (attributes[0], session);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, HttpMethod method, string path, string cookie, HttpContent? body = null, string? csrf = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body };
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Idempotency-Key", $"\"{Guid.CreateVersion7():N}\"");
        if (csrf is not null)
        {
            request.Headers.Add(ManagerSessions.CsrfHeader, csrf);
        }

        return await browser.SendAsync(request);
    }

    private static JsonContent Adjustment() =>
        JsonContent.Create(new StockAdjustmentRequest([new StockAdjustmentLine(Sku, -1)], "session test: one bar damaged"), TillSyncJsonContext.Default.StockAdjustmentRequest);

    private async Task<IReadOnlyList<AuditEntryView>> AuditAsync(string action)
    {
        using var manager = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        return (await Responses.ExpectAsync(await manager.GetAsync(new Uri($"/api/v1/audit?action={action}", UriKind.Relative)), HttpStatusCode.OK,
            TillSyncJsonContext.Default.AuditPage, fixture.Hq)).Entries;
    }
}
