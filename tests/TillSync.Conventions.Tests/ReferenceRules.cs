namespace TillSync.Conventions.Tests;

/// <summary>The intended arrows between the projects of src/ (docs/architecture.md, ADR 0007): each project's allowed
/// direct references, and the pairs that must never meet, directly or through another project, with the reason.</summary>
internal static class ReferenceRules
{
    /// <summary>What each src/ project may reference directly. A project missing here has no rules yet, which is itself a
    /// violation: a new project states its arrows.</summary>
    public static IReadOnlyDictionary<string, string[]> Allowed { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["TillSync.Contracts"] = [],
        ["TillSync.Core"] = [],
        ["TillSync.Storage"] = [],
        ["TillSync.Web"] = [],
        ["TillSync.Hq"] = ["TillSync.Core", "TillSync.Contracts", "TillSync.Storage", "TillSync.Web"],
        ["TillSync.Till"] = ["TillSync.Core", "TillSync.Contracts", "TillSync.Storage", "TillSync.Web"],
        ["TillSync.Irp"] = ["TillSync.Core", "TillSync.Storage"],
        ["TillSync.Simulation"] = ["TillSync.Hq", "TillSync.Till", "TillSync.Irp", "TillSync.Core", "TillSync.Contracts", "TillSync.Storage"],
        ["TillSync.Cli"] = ["TillSync.Hq", "TillSync.Till", "TillSync.Irp", "TillSync.Simulation", "TillSync.Core", "TillSync.Contracts", "TillSync.Storage", "TillSync.Web"],
    };

    /// <summary>Pairs that never meet, in either direction unless one-way, through any path.</summary>
    public static IReadOnlyList<(string From, string To, bool BothWays, string Why)> Forbidden { get; } =
    [
        ("TillSync.Till", "TillSync.Hq", true, "the till and HQ are separate processes that share only the wire contract"),
        ("TillSync.Hq", "TillSync.Irp", true, "HQ talks to the e-invoice portal over HTTP, as it would to the real one; the simulator must not leak into HQ"),
        ("TillSync.Till", "TillSync.Irp", true, "the till never talks to the e-invoice portal"),
        ("TillSync.Core", "TillSync.Contracts", true, "Core decides on its own types and Contracts carries wire records; each references nothing"),
    ];

    /// <summary>Every violation of the rules in <paramref name="graph"/>, limited to <paramref name="projects"/>, as
    /// sentences naming the projects (empty when the graph keeps to the rules).</summary>
    public static IReadOnlyList<string> Violations(ProjectGraph graph, IEnumerable<string> projects)
    {
        var violations = new List<string>();
        foreach (var project in projects.Order(StringComparer.Ordinal))
        {
            if (!Allowed.TryGetValue(project, out var allowed))
            {
                violations.Add($"{project} has no reference rules; add its intended arrows to ReferenceRules.Allowed");
                continue;
            }

            foreach (var reference in graph.ReferencesByProject.GetValueOrDefault(project) ?? [])
            {
                if (!allowed.Contains(reference))
                {
                    violations.Add($"{project} → {reference} is not an intended arrow");
                }
            }

            var reachable = graph.Reachable(project);
            foreach (var (from, to, bothWays, why) in Forbidden)
            {
                foreach (var (source, target) in bothWays ? [(from, to), (to, from)] : new[] { (from, to) })
                {
                    if (source == project && reachable.TryGetValue(target, out var path))
                    {
                        violations.Add($"{source} reaches {target} ({path}), which is forbidden: {why}");
                    }
                }
            }
        }

        return violations;
    }
}
