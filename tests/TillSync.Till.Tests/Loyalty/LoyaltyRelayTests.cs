// Proves what the till makes of HQ's answers to its loyalty calls: HQ's own status and body pass through as they are,
// while the link known down, a transport failure and HttpClient's timeout all read as "HQ did not answer" (the page's 503
// "offline"), never as the till's own error; the caller's cancellation is not swallowed.
using System.Net;
using System.Text;
using TillSync.Contracts.Loyalty;
using TillSync.Till.Loyalty;
using TillSync.Till.Sync;

namespace TillSync.Till.Tests.Loyalty;

public sealed class LoyaltyRelayTests
{
    private static readonly LoyaltyCodeRequest Request = new("9812345678", 500);

    [Fact]
    public async Task HqAnswers_ItsStatusAndBodyPassThrough()
    {
        var hq = new ScriptedHq(_ => Task.FromResult(Json(HttpStatusCode.TooManyRequests, """{"title":"Too many codes"}""")));

        var answer = await Relay(hq).RequestCodeAsync(Request, CancellationToken.None);

        Assert.Equal(((int?)429, """{"title":"Too many codes"}"""), (answer.Status, answer.Body));
        Assert.Equal("/api/v1/loyalty/codes", Assert.Single(hq.Paths));
    }

    [Fact]
    public async Task HqSilentPastTheClientsTimeout_IsNoAnswer_NotAnError()
    {
        var hq = new ScriptedHq(async token =>
        {
            await Task.Delay(Timeout.Infinite, token); // HQ takes the request and never answers
            throw new InvalidOperationException("unreachable");
        });

        var answer = await Relay(hq, TimeSpan.FromMilliseconds(200)).RedeemCodeAsync(new RedemptionRequest(Guid.CreateVersion7(), "123456"), CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.Equal("HQ did not answer in time.", answer.Body);
    }

    [Fact]
    public async Task TransportFails_IsNoAnswer_AndTheBalanceIsUnknown()
    {
        var hq = new ScriptedHq(_ => throw new HttpRequestException("Connection refused"));

        var answer = await Relay(hq).RequestCodeAsync(Request, CancellationToken.None);
        var balance = await Relay(hq).BalanceAsync("9812345678", CancellationToken.None);

        Assert.Equal(((int?)null, "Connection refused"), (answer.Status, answer.Body));
        Assert.Null(balance);
        Assert.Equal(2, hq.Paths.Count);
    }

    [Fact]
    public async Task LinkKnownDown_AsksHqNothing()
    {
        var hq = new ScriptedHq(_ => Task.FromResult(Json(HttpStatusCode.Created, "{}")));

        var answer = await new LoyaltyRelay(Client(hq, null), new LinkState()).RequestCodeAsync(Request, CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.Empty(hq.Paths);
    }

    [Fact]
    public async Task CallerCancels_TheCancellationIsNotTakenForOffline()
    {
        var hq = new ScriptedHq(async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        using var cancel = new CancellationTokenSource();
        var call = Relay(hq).RequestCodeAsync(Request, cancel.Token);
        await hq.Called.Task;

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private static LoyaltyRelay Relay(ScriptedHq hq, TimeSpan? timeout = null)
    {
        var link = new LinkState();
        link.Contacted(DateTimeOffset.UnixEpoch, "3 synced");
        return new LoyaltyRelay(Client(hq, timeout), link);
    }

    private static HqClient Client(ScriptedHq hq, TimeSpan? timeout)
    {
        var http = new HttpClient(hq);
        HqClient.Configure(http, new Uri("http://hq.test/"), "till_token");
        if (timeout is { } shorter)
        {
            http.Timeout = shorter;
        }

        return new HqClient(http);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class ScriptedHq(Func<CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        public List<string> Paths { get; } = [];

        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Paths)
            {
                Paths.Add(request.RequestUri!.AbsolutePath);
            }

            Called.TrySetResult();
            return answer(cancellationToken);
        }
    }
}
