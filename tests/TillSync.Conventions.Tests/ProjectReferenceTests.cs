// Proves the project graph keeps to its intended arrows: every ProjectReference of src/ is read from the .csproj files
// and checked against ReferenceRules; a synthetic graph shows that a forbidden or unintended arrow is reported by name.
namespace TillSync.Conventions.Tests;

public sealed class ProjectReferenceTests
{
    private static readonly ProjectGraph Source = ProjectGraph.Read(Path.Combine(RepositoryLayout.Root, "src"));

    [Fact]
    public void SourceProjects_ReferenceOnlyTheirIntendedArrows()
    {
        Assert.Empty(ReferenceRules.Violations(Source, Source.ReferencesByProject.Keys));
    }

    [Fact]
    public void SourceProjects_AreAllRead_SoTheCheckAboveCoversThem()
    {
        Assert.Equal(ReferenceRules.Allowed.Keys.Order(StringComparer.Ordinal), Source.ReferencesByProject.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("TillSync.Core", Source.ReferencesByProject["TillSync.Hq"]);
    }

    [Fact]
    public void CoreAndContracts_ReferenceNothing()
    {
        Assert.Empty(Source.ReferencesByProject["TillSync.Core"]);
        Assert.Empty(Source.ReferencesByProject["TillSync.Contracts"]);
    }

    [Theory]
    [InlineData("TillSync.Core", "TillSync.Contracts", "TillSync.Core → TillSync.Contracts is not an intended arrow")]
    [InlineData("TillSync.Contracts", "TillSync.Core", "TillSync.Contracts → TillSync.Core is not an intended arrow")]
    [InlineData("TillSync.Till", "TillSync.Hq", "TillSync.Till reaches TillSync.Hq (TillSync.Till → TillSync.Hq), which is forbidden")]
    [InlineData("TillSync.Hq", "TillSync.Till", "TillSync.Hq reaches TillSync.Till (TillSync.Hq → TillSync.Till), which is forbidden")]
    [InlineData("TillSync.Hq", "TillSync.Irp", "TillSync.Hq reaches TillSync.Irp (TillSync.Hq → TillSync.Irp), which is forbidden")]
    [InlineData("TillSync.Irp", "TillSync.Hq", "TillSync.Irp reaches TillSync.Hq (TillSync.Irp → TillSync.Hq), which is forbidden")]
    [InlineData("TillSync.Storage", "TillSync.Core", "TillSync.Storage → TillSync.Core is not an intended arrow")]
    public void SyntheticGraph_WithAForbiddenArrow_IsReportedByName(string from, string to, string expected)
    {
        var graph = WithEdge(Source, from, to);

        var violations = ReferenceRules.Violations(graph, graph.ReferencesByProject.Keys);

        Assert.Contains(violations, v => v.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void SyntheticGraph_ReachingHqThroughAnotherProject_IsReportedWithThePath()
    {
        // The till reaching HQ through Storage: each arrow alone is one Storage must not have, and the path is forbidden.
        var graph = WithEdge(WithEdge(Source, "TillSync.Storage", "TillSync.Hq"), "TillSync.Till", "TillSync.Storage");

        var violations = ReferenceRules.Violations(graph, graph.ReferencesByProject.Keys);

        Assert.Contains("TillSync.Till reaches TillSync.Hq (TillSync.Till → TillSync.Storage → TillSync.Hq), which is forbidden: "
            + "the till and HQ are separate processes that share only the wire contract", violations);
    }

    [Fact]
    public void SyntheticGraph_WithANewProjectWithoutRules_IsReported()
    {
        var graph = WithEdge(Source, "TillSync.Reports", "TillSync.Core");

        var violations = ReferenceRules.Violations(graph, graph.ReferencesByProject.Keys);

        Assert.Contains("TillSync.Reports has no reference rules; add its intended arrows to ReferenceRules.Allowed", violations);
    }

    private static ProjectGraph WithEdge(ProjectGraph graph, string from, string to)
    {
        var references = graph.ReferencesByProject.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        references[from] = [.. references.GetValueOrDefault(from) ?? [], to];
        return new ProjectGraph(references);
    }
}
