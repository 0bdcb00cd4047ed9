// Proves failed authentication is throttled per source address: the rule on a fake clock (the window opens again as
// failures age out; other sources are unaffected), and a real HQ process answering 429 problem+json with Retry-After per
// client address forwarded by a trusted proxy — successes never count, and a till's right token still passes.
using System.Net;
using Microsoft.Extensions.Time.Testing;
using TillSync.Hq.Access;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Access;

public sealed class AuthFailureThrottleTests
{
    private static readonly IPAddress Guesser = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Neighbour = IPAddress.Parse("203.0.113.8");

    [Fact]
    public void Throttle_FailuresUpToTheLimit_RefusesOnlyThatSourceUntilTheOldestAgesOut()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var throttle = new AuthFailureThrottle(clock, failuresMax: 3, window: TimeSpan.FromMinutes(1));

        throttle.RecordFailure(Guesser);
        clock.Advance(TimeSpan.FromSeconds(20));
        throttle.RecordFailure(Guesser);
        Assert.Null(throttle.RetryAfter(Guesser));
        throttle.RecordFailure(Guesser);

        Assert.Equal(TimeSpan.FromSeconds(40), throttle.RetryAfter(Guesser));
        Assert.Null(throttle.RetryAfter(Neighbour));
        clock.Advance(TimeSpan.FromSeconds(39));
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.RetryAfter(Guesser));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(throttle.RetryAfter(Guesser));
    }

    [Fact]
    public void Throttle_Ipv4MappedAddress_IsTheSameSource()
    {
        var clock = new FakeTimeProvider();
        var throttle = new AuthFailureThrottle(clock, failuresMax: 2, window: TimeSpan.FromMinutes(1));

        throttle.RecordFailure(Guesser);
        throttle.RecordFailure(Guesser.MapToIPv6());

        Assert.NotNull(throttle.RetryAfter(Guesser));
        Assert.NotNull(throttle.RetryAfter(Guesser.MapToIPv6()));
    }

    [Fact]
    public async Task Hq_WrongTokensFromOneClientBehindTrustedProxy_429WithRetryAfterForThatClientOnly()
    {
        await using var hq = await HqProcess.StartAsync(trustedProxies: "127.0.0.1,::1");
        await HqScenario.SetUpAsync(hq);
        var till = await HqScenario.EnrolTillAsync(hq);
        using var wrong = hq.CreateIsolatedClient("mgr_wrong_" + new string('x', 40));
        using var right = hq.CreateIsolatedClient(hq.AdminToken);
        using var tillClient = hq.CreateIsolatedClient(till.Token);

        for (var i = 0; i < 60; i++)
        {
            using var fine = await right.SendAsync(Tills(Guesser));
            Assert.Equal(HttpStatusCode.OK, fine.StatusCode); // successes never count
        }

        for (var i = 0; i < AuthFailureThrottle.FailuresMax; i++)
        {
            using var refused = await wrong.SendAsync(Tills(Guesser));
            await Responses.ExpectProblemAsync(refused, HttpStatusCode.Unauthorized, hq);
        }

        using var throttled = await wrong.SendAsync(Tills(Guesser));
        using var throttledRightToken = await right.SendAsync(Tills(Guesser));
        using var tillBehindTheSameAddress = await tillClient.SendAsync(Request("/api/v1/till/snapshot", Guesser));
        using var neighbour = await right.SendAsync(Tills(Neighbour));

        var retryAfter = throttled.Headers.RetryAfter?.Delta;
        var detail = await Responses.ExpectProblemAsync(throttled, HttpStatusCode.TooManyRequests, hq);
        Assert.Contains("wrong token", detail, StringComparison.Ordinal);
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), AuthFailureThrottle.Window);
        await Responses.ExpectProblemAsync(throttledRightToken, HttpStatusCode.TooManyRequests, hq);
        Assert.Equal(HttpStatusCode.OK, tillBehindTheSameAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    [Fact]
    public async Task Hq_ForwardedHeaderFromUntrustedPeer_IsIgnored()
    {
        await using var hq = await HqProcess.StartAsync();
        using var wrong = hq.CreateIsolatedClient("mgr_wrong_" + new string('x', 40));
        using var right = hq.CreateIsolatedClient(hq.AdminToken);

        for (var i = 0; i < AuthFailureThrottle.FailuresMax; i++)
        {
            // Each claims another client; HQ trusts no proxy, so all are the test's own loopback address.
            using var refused = await wrong.SendAsync(Tills(IPAddress.Parse($"198.51.100.{i + 1}")));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var throttled = await right.SendAsync(Tills(Neighbour));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
    }

    private static HttpRequestMessage Tills(IPAddress client) => Request("/api/v1/tills", client);

    private static HttpRequestMessage Request(string path, IPAddress client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", client.ToString());
        return request;
    }
}
