namespace TillSync.Simulation.Nodes;

/// <summary>Test-only bugs planted in a simulated till, to prove that the checker catches each kind of mistake in the
/// till's own figures: each is a SQL trigger doing in <c>till.db</c> what the bug would do, installed at every start
/// (<see cref="TillBugs"/>). Not reachable from <c>tillsync simulate</c>.</summary>
public enum TillBug
{
    /// <summary>No bug.</summary>
    None = 0,

    /// <summary>The Z report a close stores (and answers, and prints) leaves the shift's cash refunds out of the cash the
    /// drawer should hold.</summary>
    ZReportOmitsRefunds,
}
