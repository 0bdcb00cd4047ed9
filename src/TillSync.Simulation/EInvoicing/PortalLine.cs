using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TillSync.Core.EInvoicing;
using TillSync.Simulation.Runs;

namespace TillSync.Simulation.EInvoicing;

/// <summary>The line between HQ and the <see cref="SimulatedPortal"/>, in memory, with the portal's faults drawn from a
/// seeded <see cref="Random"/> call by call: 503s, resets, a portal too slow for HQ's timeout, work done and the answer
/// lost, requests that arrive twice, HQ dying while the portal registers, and the portal down for a while. HQ reaches it
/// through its own <c>IrpConnection</c> over an <see cref="HttpClient"/> whose handler is <see cref="CreateHandler"/>.
/// The published key (<see cref="IrpPaths.Keys"/>) never faults, as the simulator's own fault filter spares it. Every
/// registration request that reaches the portal is noted (<see cref="RegisterCalls"/>) for the e-invoice invariants.</summary>
public sealed class PortalLine(SimulatedPortal portal, FakeTimeProvider clock, Random random, double faultRate, Trace trace) : IDisposable
{
    private readonly HttpMessageInvoker _portal = new(portal.CreateHandler());
    private readonly Dictionary<PortalFate, int> _fates = [];
    private DateTimeOffset _downUntil;
    private int _refusedWhileDown;
    private bool _healed;

    /// <summary>Every registration request that reached the portal, in order.</summary>
    public List<RegisterCall> RegisterCalls { get; } = [];

    /// <summary>What struck the line, by name, in report order.</summary>
    public IEnumerable<(string What, int Count)> Counts =>
    [
        .. Enum.GetValues<PortalFate>().Where(f => f != PortalFate.Deliver).Select(f => ($"portal call: {f}", _fates.GetValueOrDefault(f))),
        ("portal call: refused (portal down)", _refusedWhileDown),
    ];

    /// <summary>A handler for one HQ process's <see cref="HttpClient"/>; disposing it leaves the line open.</summary>
    public HttpMessageHandler CreateHandler() => new LineHandler(this);

    /// <summary>The portal answers nothing but 503 until <paramref name="until"/>.</summary>
    public void GoDown(DateTimeOffset until) => _downUntil = until > _downUntil ? until : _downUntil;

    /// <summary>No more faults: every call is answered (the drain).</summary>
    public void Heal() => _healed = true;

    /// <inheritdoc />
    public void Dispose() => _portal.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var copy = await PortalRequest.OfAsync(request, cancellationToken);
        if (copy.Path == IrpPaths.Keys)
        {
            return await DeliverAsync(copy, fromWire: false, cancellationToken);
        }

        if (!_healed && clock.GetUtcNow() < _downUntil)
        {
            _refusedWhileDown++;
            trace.Add(clock.GetUtcNow(), $"portal {copy.Describe()}: down");
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("simulated: the portal is down") };
        }

        var fate = _healed || random.NextDouble() >= faultRate ? PortalFate.Deliver : DrawFault(copy.IsRegistration);
        _fates[fate] = _fates.GetValueOrDefault(fate) + 1;
        trace.Add(clock.GetUtcNow(), $"portal {copy.Describe()}: {fate}");
        switch (fate)
        {
            case PortalFate.Refused:
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("simulated: the portal is busy") };
            case PortalFate.ResetBefore:
                throw new HttpRequestException("simulated: connection reset before the portal got the request");
            case PortalFate.TooSlow:
                throw new TaskCanceledException("simulated: the portal did not answer within HQ's call timeout", new TimeoutException());
            case PortalFate.AnswerLost:
                (await DeliverAsync(copy, fromWire: false, cancellationToken)).Dispose();
                throw new TaskCanceledException("simulated: the portal's answer was lost; HQ's call timed out", new TimeoutException());
            case PortalFate.Duplicate:
                (await DeliverAsync(copy, fromWire: false, cancellationToken)).Dispose();
                return await DeliverAsync(copy, fromWire: true, cancellationToken);
            case PortalFate.HqCrash:
                (await DeliverAsync(copy, fromWire: false, cancellationToken)).Dispose();
                throw new SimulatedHqCrashException();
            default:
                return await DeliverAsync(copy, fromWire: false, cancellationToken);
        }
    }

    private PortalFate DrawFault(bool registration) => random.Next(100) switch
    {
        < 25 => PortalFate.Refused,
        < 40 => PortalFate.ResetBefore,
        < 50 => PortalFate.TooSlow,
        < 75 => PortalFate.AnswerLost,
        < 90 => PortalFate.Duplicate,
        _ => registration ? PortalFate.HqCrash : PortalFate.AnswerLost,
    };

    private async Task<HttpResponseMessage> DeliverAsync(PortalRequest copy, bool fromWire, CancellationToken cancellationToken)
    {
        using var request = copy.ToRequest();
        using var answer = await _portal.SendAsync(request, cancellationToken);
        var body = await answer.Content.ReadAsByteArrayAsync(cancellationToken);
        if (copy.IsRegistration)
        {
            Note(copy, fromWire, answer.StatusCode, body);
        }

        var response = new HttpResponseMessage(answer.StatusCode) { Content = new ByteArrayContent(body) };
        response.Content.Headers.ContentType = answer.Content.Headers.ContentType;
        return response;
    }

    private void Note(PortalRequest copy, bool fromWire, HttpStatusCode status, byte[] body)
    {
        using var sent = JsonDocument.Parse(copy.Body);
        var document = sent.RootElement.GetProperty("DocDtls");
        var (type, number) = (document.GetProperty("Typ").GetString()!, document.GetProperty("No").GetString()!);
        var answer = status == HttpStatusCode.OK ? JsonSerializer.Deserialize(body, IrpJsonContext.Default.IrpResponseIrnDetails) : null;
        var registered = answer?.Data is not null;
        var codes = registered ? "" : answer?.ErrorDetails is { } errors ? string.Join(",", errors.Select(e => e.ErrorCode)) : string.Create(
            CultureInfo.InvariantCulture, $"HTTP {(int)status}");
        RegisterCalls.Add(new RegisterCall(type, number, fromWire, registered, codes));
        trace.Add(clock.GetUtcNow(), $"portal {type} {number}{(fromWire ? " (the wire's copy)" : "")}: {(registered ? "registered" : codes)}");
    }

    // A request as HQ sent it, so that it can reach the portal twice.
    private sealed record PortalRequest(HttpMethod Method, Uri Uri, List<KeyValuePair<string, IEnumerable<string>>> Headers, byte[] Body,
        MediaTypeHeaderValue? ContentType)
    {
        public string Path => Uri.AbsolutePath;

        public bool IsRegistration => Method == HttpMethod.Post && Path == IrpPaths.GenerateIrn;

        public static async Task<PortalRequest> OfAsync(HttpRequestMessage request, CancellationToken cancellationToken) => new(
            request.Method, request.RequestUri!, [.. request.Headers],
            request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken), request.Content?.Headers.ContentType);

        public string Describe() => $"{Method} {Uri.PathAndQuery}";

        public HttpRequestMessage ToRequest()
        {
            var request = new HttpRequestMessage(Method, Uri);
            foreach (var (name, values) in Headers)
            {
                request.Headers.TryAddWithoutValidation(name, values);
            }

            if (Body.Length > 0 || Method == HttpMethod.Post)
            {
                request.Content = new ByteArrayContent(Body);
                request.Content.Headers.ContentType = ContentType;
            }

            return request;
        }
    }

    private sealed class LineHandler(PortalLine line) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            line.SendAsync(request, cancellationToken);
    }
}
