using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Runs;

namespace TillSync.Simulation.Network;

/// <summary>The network between the tills and HQ, decided by a seeded <see cref="Random"/>: it cuts tills off and heals
/// them, drops requests, drops answers after HQ committed, holds requests back and delivers them later (after newer
/// ones: reordered), duplicates them, and crashes HQ mid-batch or a till before it reads HQ's answer. A delivery runs
/// to completion inside the till's step; a delayed copy is an event of its own. The fates of the loyalty calls the
/// cashier makes (<see cref="Runs.LoyaltyDesk"/>) are drawn from <paramref name="loyaltyRandom"/>, so that they leave
/// the fates of every other request as they were.</summary>
public sealed class SimulatedNetwork(
    FakeTimeProvider clock, Random random, Random loyaltyRandom, double faultRate, HqNode hq, IReadOnlyList<TillNode> tills, Timeline queue, Trace trace)
{
    private static readonly TimeSpan DelayMax = TimeSpan.FromMinutes(15);
    private readonly Dictionary<int, DateTimeOffset> _cutOffUntil = [];
    private bool _healed;

    /// <summary>What happened so far.</summary>
    public NetworkCounters Counters { get; } = new();

    /// <summary>The stream the fates of relay requests (<c>POST /api/v2/sync/relay</c>) are drawn from, the store LAN's own
    /// (<see cref="Lan.StoreLan.RelayFates"/>), so that relaying leaves the fates of every other request as they were.</summary>
    public Random? RelayDraws { get; init; }

    /// <summary>Cuts <paramref name="tillNumber"/> off from HQ until <paramref name="until"/> (or longer, if already cut).</summary>
    public void CutOff(int tillNumber, DateTimeOffset until)
    {
        var current = _cutOffUntil.GetValueOrDefault(tillNumber);
        _cutOffUntil[tillNumber] = current > until ? current : until;
    }

    /// <summary>True while <paramref name="tillNumber"/> cannot reach HQ.</summary>
    public bool IsCutOff(int tillNumber) => !_healed && _cutOffUntil.GetValueOrDefault(tillNumber) > clock.GetUtcNow();

    /// <summary>True while any till is cut off.</summary>
    public bool AnyCutOff => tills.Any(t => IsCutOff(t.Number));

    /// <summary>Heals every fault for the drain: no more cuts, losses or crashes; copies in flight still arrive.</summary>
    public void Heal() => _healed = true;

    /// <summary>Kills HQ and schedules its restart after <paramref name="downtime"/>.</summary>
    public async Task CrashHqAsync(TimeSpan downtime, string why)
    {
        await hq.CrashAsync();
        trace.Add(clock.GetUtcNow(), $"hq crash ({why}); restart in {downtime.TotalSeconds:0.000} s");
        queue.Schedule(clock.GetUtcNow() + downtime, SimEventKind.Fault, () => RestartHqAsync(CancellationToken.None));
    }

    /// <summary>Starts HQ again if it is down.</summary>
    public async Task RestartHqAsync(CancellationToken cancellationToken)
    {
        if (!hq.IsUp)
        {
            await hq.StartAsync(cancellationToken);
            trace.Add(clock.GetUtcNow(), $"hq restart #{hq.Starts - 1}");
        }
    }

    /// <summary>Carries one request of till <paramref name="tillNumber"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(int tillNumber, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var copy = await RequestCopy.OfAsync(request, cancellationToken);
        if (IsCutOff(tillNumber) || !hq.IsUp)
        {
            Counters.Refused++;
            trace.Add(clock.GetUtcNow(), $"till {tillNumber} {copy.Path}: refused ({(hq.IsUp ? "cut off" : "hq down")})");
            throw new HttpRequestException(hq.IsUp ? "simulated: no route to HQ" : "simulated: connection refused (HQ down)");
        }

        var draws = copy.IsLoyalty ? loyaltyRandom : copy.IsRelay && RelayDraws is { } relayDraws ? relayDraws : random;
        var fate = _healed || draws.NextDouble() >= faultRate ? Fate.Deliver : DrawFault(draws, copy.IsSyncWithOrders);
        Counters.Count(fate);
        trace.Add(clock.GetUtcNow(), $"till {tillNumber} {copy.Path} ({copy.Body.Length} bytes): {fate}");
        switch (fate)
        {
            case Fate.DropRequest:
                throw new HttpRequestException("simulated: connection reset before HQ got the request");
            case Fate.Delay:
                ScheduleStaleCopy(tillNumber, copy, draws);
                throw new TaskCanceledException("simulated: HQ did not answer in time");
            case Fate.DropReply:
                (await DeliverAsync(tillNumber, copy, cancellationToken)).Dispose();
                throw new HttpRequestException("simulated: connection reset after HQ answered");
            case Fate.Duplicate:
                (await DeliverAsync(tillNumber, copy, cancellationToken)).Dispose();
                return await DeliverAsync(tillNumber, copy, cancellationToken);
            case Fate.DuplicateLater:
                ScheduleStaleCopy(tillNumber, copy, draws);
                return await DeliverAsync(tillNumber, copy, cancellationToken);
            case Fate.HqCrashMidBatch:
                await CrashMidBatchAsync(tillNumber, copy, cancellationToken);
                throw new HttpRequestException("simulated: connection reset (HQ crashed mid-batch)");
            case Fate.TillCrashAfterCommit:
                (await DeliverAsync(tillNumber, copy, cancellationToken)).Dispose();
                tills[tillNumber - 1].CrashRequested = true;
                throw new HttpRequestException("simulated: the till died before reading HQ's answer");
            default:
                return await DeliverAsync(tillNumber, copy, cancellationToken);
        }
    }

    private static Fate DrawFault(Random draws, bool syncWithOrders) => draws.Next(100) switch
    {
        < 20 => Fate.DropRequest,
        < 35 => Fate.Delay,
        < 60 => Fate.DropReply,
        < 70 => Fate.Duplicate,
        < 80 => Fate.DuplicateLater,
        < 90 => syncWithOrders ? Fate.HqCrashMidBatch : Fate.DropReply,
        _ => Fate.TillCrashAfterCommit,
    };

    private async Task CrashMidBatchAsync(int tillNumber, RequestCopy copy, CancellationToken cancellationToken)
    {
        await hq.ArmCrashBeforeCommitAsync(cancellationToken);
        using var response = await DeliverAsync(tillNumber, copy, cancellationToken);
        if ((int)response.StatusCode != 500)
        {
            throw new InvalidOperationException($"The simulated crash did not strike: HQ answered {(int)response.StatusCode}.");
        }

        await CrashHqAsync(TimeSpan.FromMilliseconds(random.Next(500, 180_000)), $"mid-batch of till {tillNumber}");
    }

    private void ScheduleStaleCopy(int tillNumber, RequestCopy copy, Random draws)
    {
        var at = clock.GetUtcNow() + (DelayMax * draws.NextDouble());
        queue.Schedule(at, SimEventKind.Delivery, async () =>
        {
            if (IsCutOff(tillNumber) || !hq.IsUp)
            {
                Counters.StaleCopiesLost++;
                trace.Add(clock.GetUtcNow(), $"till {tillNumber} {copy.Path}: stale copy lost");
                return;
            }

            trace.Add(clock.GetUtcNow(), $"till {tillNumber} {copy.Path}: stale copy arrives");
            (await DeliverAsync(tillNumber, copy, CancellationToken.None)).Dispose();
        });
    }

    private async Task<HttpResponseMessage> DeliverAsync(int tillNumber, RequestCopy copy, CancellationToken cancellationToken)
    {
        using var request = copy.ToRequest();
        using var answer = await hq.SendAsync(request, cancellationToken);
        var body = await answer.Content.ReadAsByteArrayAsync(cancellationToken);
        Counters.Delivered++;
        trace.Add(clock.GetUtcNow(), $"till {tillNumber} {copy.Path}: hq {(int)answer.StatusCode}{Results(tillNumber, copy, answer, body)}");
        var response = new HttpResponseMessage(answer.StatusCode) { Content = new ByteArrayContent(body) };
        response.Content.Headers.ContentType = answer.Content.Headers.ContentType;
        return response;
    }

    // Counts HQ's answers per order (also those the till never sees) and writes them into the trace.
    private string Results(int tillNumber, RequestCopy copy, HttpResponseMessage answer, byte[] body)
    {
        if (!copy.IsSync || !answer.IsSuccessStatusCode)
        {
            return "";
        }

        var reply = JsonSerializer.Deserialize(body, TillSyncJsonContext.Default.DocumentSyncResponse)!;
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $" nextSeq {reply.NextSeq}"));
        foreach (var result in reply.Results)
        {
            text.Append(CultureInfo.InvariantCulture, $" {result.TillSeq}:{result.Status}{(result.Flags.Count > 0 ? "!" : "")}");
            var counts = result.Status switch
            {
                SyncStatus.Duplicate => Counters.DuplicatesByTill,
                SyncStatus.Conflict => Counters.ConflictsByTill,
                SyncStatus.Rejected when !result.Replayed => Counters.RejectionsByTill,
                _ => null,
            };
            if (counts is not null)
            {
                NetworkCounters.Add(counts, tillNumber);
            }
        }

        return text.ToString();
    }

    // A request as it left the till, so that it can be delivered more than once.
    private sealed record RequestCopy(HttpMethod Method, Uri Uri, AuthenticationHeaderValue? Authorization, byte[] Body, MediaTypeHeaderValue? ContentType)
    {
        public string Path => Uri.AbsolutePath;

        public bool IsSync => Path.EndsWith("/sync", StringComparison.Ordinal);

        public bool IsLoyalty => Path.Contains("/loyalty/", StringComparison.Ordinal);

        public bool IsRelay => Path.EndsWith("/sync/relay", StringComparison.Ordinal);

        public bool IsSyncWithOrders => IsSync && Body.Length > 0 && !Encoding.UTF8.GetString(Body).StartsWith("{\"documents\":[]", StringComparison.Ordinal);

        public static async Task<RequestCopy> OfAsync(HttpRequestMessage request, CancellationToken cancellationToken) => new(
            request.Method, request.RequestUri!, request.Headers.Authorization,
            request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken),
            request.Content?.Headers.ContentType);

        public HttpRequestMessage ToRequest()
        {
            var request = new HttpRequestMessage(Method, Uri);
            request.Headers.Authorization = Authorization;
            if (Body.Length > 0 || Method == HttpMethod.Post)
            {
                request.Content = new ByteArrayContent(Body);
                request.Content.Headers.ContentType = ContentType;
            }

            return request;
        }
    }
}
