// How long the harness lets something take before it calls it hung or missing. These bound a failure and never pace a
// test: every wait ends as soon as what it waits for happens, so a generous bound costs a passing run nothing. The
// suite runs on two cores beside other work (and under `scripts/test.sh --under-load`, beside a CPU hog per core),
// where a process start or one request has taken over 30 s.

namespace TillSync.Testing;

/// <summary>Upper bounds for the harness's waits on real processes.</summary>
public static class Patience
{
    /// <summary>One HTTP request of a harness client to HQ, a till or the IRP: 3 minutes.</summary>
    public static readonly TimeSpan Request = TimeSpan.FromMinutes(3);

    /// <summary>A <c>tillsync</c> process, from its start until it says where it listens (or a CLI command exits): 3 minutes.</summary>
    public static readonly TimeSpan ProcessStart = TimeSpan.FromMinutes(3);

    /// <summary>Something that takes a few exchanges between processes — a sync, a poll of the updates feed, a link
    /// state change — to show: 2 minutes.</summary>
    public static readonly TimeSpan Exchanges = TimeSpan.FromMinutes(2);
}
