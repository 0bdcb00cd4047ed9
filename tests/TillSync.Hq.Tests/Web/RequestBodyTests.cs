// Proves a request body that arrives too slowly or is cut off is answered truthfully: over a raw socket that sends the
// head and then nothing more, HQ answers 408 problem+json saying nothing was stored; one cut halfway gets a 400 saying
// so if the client still listens; either way HQ logs one warning without a stack trace and stores nothing — for a
// manager write and for a till's sync.
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using TillSync.Contracts.Idempotency;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Web;

public sealed class RequestBodyTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private const int DeclaredBytes = 2_000;

    public static TheoryData<string> Paths => ["/api/v1/stock/receipts", "/api/v1/sync"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Body_StallsAfterTheHead_Is408ProblemNothingStoredAndAWarning(string path)
    {
        var token = path == "/api/v1/sync" ? (await fixture.EnrolTillAsync()).Token : fixture.Hq.AdminToken;
        var before = await ManagerFootprint.CaptureAsync(fixture.Hq);

        // The head and a few bytes, then silence: Kestrel's minimum data rate gives up after its grace period.
        var (status, contentType, body) = await SendAsync(path, token, sendBytes: 16, closeAfterSending: false);

        Assert.Equal(HttpStatusCode.RequestTimeout, status);
        AssertTruthfulProblem(status, contentType, body);
        await AssertWarnedAndStoredNothingAsync(before, "arrived too slowly", path);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Body_CutHalfway_Is400ProblemNothingStoredAndAWarning(string path)
    {
        var token = path == "/api/v1/sync" ? (await fixture.EnrolTillAsync()).Token : fixture.Hq.AdminToken;
        var before = await ManagerFootprint.CaptureAsync(fixture.Hq);

        var (status, contentType, body) = await SendAsync(path, token, sendBytes: DeclaredBytes / 2, closeAfterSending: true);

        // Kestrel takes the client's half-close for the end of the connection and resets it, so the 400 HQ answers may
        // never reach the client; when it does, it must be the truthful problem.
        Assert.True(status is 0 or HttpStatusCode.BadRequest, $"HQ answered {(int)status}: {body}");
        if (status == HttpStatusCode.BadRequest)
        {
            AssertTruthfulProblem(status, contentType, body);
        }

        await AssertWarnedAndStoredNothingAsync(before, "ended before it was complete", path);
    }

    private static void AssertTruthfulProblem(HttpStatusCode status, string? contentType, string body)
    {
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("nothing was stored", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task AssertWarnedAndStoredNothingAsync(ManagerFootprint before, string logged, string path)
    {
        var warning = $"The body of POST {path} {logged}";
        var output = await Eventually.UntilAsync(() => Task.FromResult(fixture.Hq.Output(5_000)),
            o => o.Contains(warning, StringComparison.Ordinal), TimeSpan.FromSeconds(30), $"HQ to log '{warning}'", fixture.Hq);
        var line = output.Split('\n').Last(l => l.Contains(warning, StringComparison.Ordinal));
        Assert.Contains("warn:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(before, await ManagerFootprint.CaptureAsync(fixture.Hq));
    }

    // One HTTP/1.1 request over a raw socket: a head declaring DeclaredBytes of JSON; once HQ reads the body, sendBytes of
    // them, then either a half-close (the client will send no more) or nothing; returns HQ's answer.
    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> SendAsync(
        string path, string token, int sendBytes, bool closeAfterSending)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var client = new TcpClient();
        await client.ConnectAsync(fixture.Hq.BaseAddress.Host, fixture.Hq.BaseAddress.Port, timeout.Token);
        var stream = client.GetStream();
        var head = string.Create(CultureInfo.InvariantCulture, $"""
            POST {path} HTTP/1.1
            Host: {fixture.Hq.BaseAddress.Authority}
            Authorization: Bearer {token}
            Content-Type: application/json
            Content-Length: {DeclaredBytes}
            Expect: 100-continue
            {IdempotencyKey.HeaderName}: {IdempotencyKey.HeaderValue(IdempotencyKey.New())}


            """).ReplaceLineEndings("\r\n");
        var body = Encoding.ASCII.GetBytes("{\"lines\":[" + new string(' ', DeclaredBytes));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), timeout.Token);
        // Kestrel answers "100 Continue" when the endpoint starts reading the body: from then on the body is HQ's to wait
        // for, and what the client does to it is what the test is about.
        var (interim, _) = await HttpWire.ReadHeadAsync(stream, timeout.Token);
        Assert.StartsWith("HTTP/1.1 100", Encoding.ASCII.GetString(interim), StringComparison.Ordinal);
        await stream.WriteAsync(body.AsMemory(0, sendBytes), timeout.Token);
        if (closeAfterSending)
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }

        byte[] answer;
        try
        {
            answer = await HttpWire.ReadToEndAsync(stream, timeout.Token);
        }
        catch (IOException) when (closeAfterSending)
        {
            // HQ reset the connection the client had half-closed: no answer.
            answer = [];
        }

        var text = Encoding.UTF8.GetString(answer);
        var contentType = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?["Content-Type:".Length..].Trim();
        return ((HttpStatusCode)HttpWire.StatusOf(answer), contentType, HttpWire.BodyOf(answer));
    }
}
