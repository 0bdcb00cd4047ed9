namespace TillSync.Simulation.Lan;

/// <summary>What the store LAN does to one peer request that reaches a peer (<see cref="PeerLine"/>), drawn from the LAN's
/// own stream and only in <see cref="LanScenario.Faults"/> before the drain.</summary>
internal enum PeerFate
{
    /// <summary>The peer answers and the asking till reads the answer.</summary>
    Deliver = 1,

    /// <summary>The peer answers, but the answer never arrives: the asking till sees the connection reset.</summary>
    LoseReply,

    /// <summary>The request reaches the peer twice (a retransmission); the asking till reads the second answer.</summary>
    Duplicate,

    /// <summary>The peer answers, but the answer is held back: the asking till gives up waiting. It arrives later, in place
    /// of the answer to the same request asked again, once a newer answer to it has arrived (a late reply after a newer
    /// one).</summary>
    HoldReply,
}
