namespace TillSync.Irp.Faults;

/// <summary>The simulator's fault switches; each has a <c>tillsync irp</c> option and can be changed at runtime
/// with <c>PUT /admin/faults</c>.</summary>
/// <param name="LatencyMs">Delay before every NIC call is handled, 0 to 600,000 ms.</param>
/// <param name="FailureRate">Probability, 0 to 1, that a NIC call fails before doing anything: half of those answer
/// 503, half drop the connection. Nothing is registered.</param>
/// <param name="CommitThenTimeoutRate">Probability, 0 to 1, that a generate, cancel or e-way bill call commits and
/// then drops the connection instead of replying: the caller cannot tell whether it happened.</param>
/// <param name="TamperedReplyRate">Probability, 0 to 1, that a successful NIC call's reply, sealed with the session key,
/// has its <c>Data</c> garbled after the handler ran (a generate has committed): the caller cannot decrypt it
/// (docs/decisions/0013-nic-handshake.md). Not applied with <c>--plain</c>, which seals nothing.</param>
public sealed record FaultSettings(int LatencyMs, double FailureRate, double CommitThenTimeoutRate, double TamperedReplyRate = 0)
{
    /// <summary>The longest latency: ten minutes.</summary>
    public const int LatencyMsMax = 600_000;

    /// <summary>No faults.</summary>
    public static readonly FaultSettings None = new(0, 0, 0);

    /// <summary>Why these settings are out of range, or null when they are fine.</summary>
    public string? Problem() =>
        LatencyMs is < 0 or > LatencyMsMax ? $"latencyMs must be 0 to {LatencyMsMax}."
        : !IsRate(FailureRate) ? "failureRate must be from 0 to 1."
        : !IsRate(CommitThenTimeoutRate) ? "commitThenTimeoutRate must be from 0 to 1."
        : !IsRate(TamperedReplyRate) ? "tamperedReplyRate must be from 0 to 1."
        : null;

    private static bool IsRate(double rate) => rate is >= 0 and <= 1;
}
