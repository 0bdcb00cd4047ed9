namespace TillSync.Simulation.Invariants;

/// <summary>One named invariant of docs/architecture.md, checked over what a run left behind.</summary>
/// <param name="Name">Short name for the report, e.g. <c>lost</c>.</param>
/// <param name="Statement">The invariant as a sentence.</param>
/// <param name="Check">Returns the verdict's message and whether it holds; <see cref="Verdict"/> adds the name.</param>
public sealed record InvariantCheck(string Name, string Statement, Func<RunFacts, (bool Holds, string Message)> Check)
{
    /// <summary>Checks <paramref name="facts"/>.</summary>
    public Verdict Judge(RunFacts facts)
    {
        var (holds, message) = Check(facts);
        return new Verdict(Name, holds, message);
    }
}
