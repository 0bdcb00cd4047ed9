using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TillSync.Simulation.Network;
using TillSync.Simulation.Runs;

namespace TillSync.Simulation.Lan;

/// <summary>What strikes the store's two networks apart, drawn from the LAN's own stream while the shop sells: a till cut
/// off from its peers (a LAN partition, only in <see cref="LanScenario.Faults"/>), the store's WAN line down with the LAN
/// up (every till cut off from HQ), and every till but one cut off from HQ (one till with a link, which then relays the
/// others'). The WAN cuts go through <see cref="SimulatedNetwork.CutOff"/>, so the shop floor's selling waits for them to
/// heal as it waits for its own.</summary>
public sealed class LanFaults(StoreLan lan, FakeTimeProvider clock, Timeline queue, Trace trace, SimulatedNetwork network, int tillCount)
{
    /// <summary>The mean time between two of these faults while the shop sells.</summary>
    public static readonly TimeSpan IntervalMean = TimeSpan.FromMinutes(30);

    private Func<bool> _everySaleRung = () => true;
    private bool _stopped;

    /// <summary>Schedules the first fault; <paramref name="everySaleRung"/> says when to stop drawing more (once every
    /// planned sale is rung up, so that the outages end and the shop's selling phase with them).</summary>
    public void Open(Func<bool> everySaleRung, double faultRate)
    {
        _everySaleRung = everySaleRung;
        if (faultRate > 0 && tillCount >= 2)
        {
            lan.RequestFaults.Armed = true;
            ScheduleNext();
        }
    }

    /// <summary>No new faults from now on (the drain).</summary>
    public void Stop() => _stopped = true;

    private Random Random => lan.FaultRandom;

    private DateTimeOffset Now => clock.GetUtcNow();

    private void ScheduleNext() =>
        queue.Schedule(Now + (IntervalMean * -Math.Log(1 - Random.NextDouble())), SimEventKind.Fault, StrikeAsync);

    private Task StrikeAsync()
    {
        if (_stopped || _everySaleRung())
        {
            return Task.CompletedTask;
        }

        // Without LAN faults the same draws pick only among the WAN's, so both runs of a comparison meet the same outages.
        var pick = lan.LanFails ? Random.Next(100) : 40 + Random.Next(60);
        if (pick < 40)
        {
            var number = Random.Next(1, tillCount + 1);
            lan.Count("fault: LAN partition (a till cut off from its peers)");
            lan.Partition(number, TimeSpan.FromSeconds(Random.Next(60, 3_600)));
        }
        else if (pick < 70)
        {
            var duration = TimeSpan.FromSeconds(Random.Next(300, 5_400));
            lan.Count("fault: store WAN down, LAN up");
            trace.Add(Now, string.Create(CultureInfo.InvariantCulture, $"lan: store WAN down for {duration.TotalMinutes:0.0} min, LAN up"));
            for (var number = 1; number <= tillCount; number++)
            {
                network.CutOff(number, Now + duration);
            }
        }
        else
        {
            var linked = Random.Next(1, tillCount + 1);
            var duration = TimeSpan.FromSeconds(Random.Next(600, 10_800));
            lan.Count("fault: one till keeps a WAN link");
            trace.Add(Now, string.Create(CultureInfo.InvariantCulture, $"lan: only till {linked} reaches HQ for {duration.TotalMinutes:0.0} min"));
            for (var number = 1; number <= tillCount; number++)
            {
                if (number != linked)
                {
                    network.CutOff(number, Now + duration);
                }
            }
        }

        ScheduleNext();
        return Task.CompletedTask;
    }
}
