// Proves the store LAN's invariants can fail: facts with a copy that differs from its origin, a copy missing, and a chain
// that does not verify at HQ are each named; the same facts without the fault hold. Pure: no simulation run.
using TillSync.Contracts.Tills;
using TillSync.Simulation.Invariants;
using TillSync.Simulation.Lan;
using TillSync.Till.Chain;

namespace TillSync.Simulation.Tests.Lan;

public sealed class LanInvariantsTests
{
    private static readonly LanEntry A1 = new(1, 1, "00000000-0000-0000-0000-0000000000a1", """{"kind":"sale"}""", "h1");
    private static readonly LanEntry B1 = new(2, 1, "00000000-0000-0000-0000-0000000000b1", """{"kind":"sale"}""", "g1");

    private static LanTillFacts Till(int number, long tillId, LanEntry own, IReadOnlyList<LanEntry> copies, bool holdsAtHq = true) =>
        new(number, tillId, new ChainReport(1, 1, 1, null, null, null),
            new TillChainReport(tillId, 1, 1, holdsAtHq, holdsAtHq ? null : 1, holdsAtHq ? null : "edited", holdsAtHq ? null : "edited", 1, own.ChainHash),
            [own], copies, []);

    private static Dictionary<string, Verdict> Judge(params LanTillFacts[] tills)
    {
        var lan = new LanFacts(tills, [], Sharing: true);
        return LanInvariants.Judge([], lan).ToDictionary(v => v.Invariant);
    }

    [Fact]
    public void ExactCopies_Hold()
    {
        var verdicts = Judge(Till(1, 1, A1, [B1]), Till(2, 2, B1, [A1]));

        Assert.True(verdicts["lan_copies_exact"].Holds, verdicts["lan_copies_exact"].Message);
        Assert.True(verdicts["lan_chains_verify"].Holds, verdicts["lan_chains_verify"].Message);
        Assert.Equal("2 copies, each its origin's entry", verdicts["lan_copies_exact"].Message);
    }

    [Fact]
    public void EditedCopy_IsNamed()
    {
        var verdicts = Judge(Till(1, 1, A1, [B1 with { BodyJson = """{"kind":"sale","edited":true}""" }]), Till(2, 2, B1, [A1]));

        Assert.False(verdicts["lan_copies_exact"].Holds);
        Assert.Contains("till 1's copy of till 2 seq 1 differs from the original", verdicts["lan_copies_exact"].Message);
    }

    [Fact]
    public void MissingCopy_IsNamed()
    {
        var verdicts = Judge(Till(1, 1, A1, []), Till(2, 2, B1, [A1]));

        Assert.False(verdicts["lan_copies_exact"].Holds);
        Assert.Contains("till 1 holds 0 of till 2's 1 entries", verdicts["lan_copies_exact"].Message);
    }

    [Fact]
    public void ChainBrokenAtHq_IsNamed()
    {
        var verdicts = Judge(Till(1, 1, A1, [B1], holdsAtHq: false), Till(2, 2, B1, [A1]));

        Assert.False(verdicts["lan_chains_verify"].Holds);
        Assert.Contains("till 1 at HQ", verdicts["lan_chains_verify"].Message);
    }
}
