namespace TillSync.Simulation.Network;

/// <summary>What the simulated network does with one request from a till.</summary>
public enum Fate
{
    /// <summary>Delivered; the answer comes back.</summary>
    Deliver = 1,

    /// <summary>Lost on the way: HQ never sees it; the till sees a reset.</summary>
    DropRequest,

    /// <summary>Stuck in the network: the till times out now, and the request reaches HQ later, after newer ones.</summary>
    Delay,

    /// <summary>Delivered and committed, but the answer is lost: the till sees a reset (unknown outcome).</summary>
    DropReply,

    /// <summary>Delivered twice at once (a retransmission); the till gets the second answer.</summary>
    Duplicate,

    /// <summary>Delivered, answered, and a stale copy reaches HQ again later.</summary>
    DuplicateLater,

    /// <summary>HQ crashes in the middle of the batch: written, never committed; HQ is down for a while.</summary>
    HqCrashMidBatch,

    /// <summary>HQ commits and answers, and the till dies before it reads the answer.</summary>
    TillCrashAfterCommit,
}
