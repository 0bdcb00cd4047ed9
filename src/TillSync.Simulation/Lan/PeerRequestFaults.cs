using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TillSync.Simulation.Runs;

namespace TillSync.Simulation.Lan;

/// <summary>The faults of single peer requests on the store LAN (<see cref="PeerFate"/>), drawn from a stream of the LAN's
/// own: a reply lost after the peer answered, a request delivered twice, a reply held back and read after a newer one.
/// Drawn only when the LAN itself fails (<see cref="LanScenario.Faults"/>) and not after the drain, so that a comparison's
/// runs (<see cref="LanScenario.WanOnlySharing"/>) draw nothing here and meet the same outages as before.</summary>
internal sealed class PeerRequestFaults(StoreLan lan, Random draws, FakeTimeProvider clock, Trace trace)
{
    /// <summary>The share of peer requests that meet a fault: a LAN is steadier than the store's WAN line.</summary>
    public const double FaultRate = 0.1;

    /// <summary>True once the run's faults have opened (<see cref="LanFaults.Open"/>) with a fault rate above 0.</summary>
    public bool Armed { get; set; }

    /// <summary>The fate of one request from till <paramref name="from"/> that reaches till <paramref name="to"/>.</summary>
    public PeerFate Draw(int from, int to, string pathAndQuery)
    {
        if (!Armed || !lan.LanFails || lan.Healed || draws.NextDouble() >= FaultRate)
        {
            return PeerFate.Deliver;
        }

        var fate = draws.Next(100) switch
        {
            < 40 => PeerFate.LoseReply,
            < 70 => PeerFate.Duplicate,
            _ => PeerFate.HoldReply,
        };
        lan.Count(fate switch
        {
            PeerFate.LoseReply => "fault: peer reply lost",
            PeerFate.Duplicate => "fault: peer request delivered twice",
            _ => "fault: peer reply held back",
        });
        trace.Add(clock.GetUtcNow(), string.Create(CultureInfo.InvariantCulture, $"lan: till {from} → till {to} {pathAndQuery}: {fate}"));
        return fate;
    }

    /// <summary>A reply held back earlier reached till <paramref name="from"/> in place of a fresh one.</summary>
    public void LateReplyDelivered(int from, int to, string pathAndQuery)
    {
        lan.Count("fault: peer reply read late, after a newer one");
        trace.Add(clock.GetUtcNow(), string.Create(CultureInfo.InvariantCulture, $"lan: till {from} ← till {to} {pathAndQuery}: the late reply"));
    }
}
