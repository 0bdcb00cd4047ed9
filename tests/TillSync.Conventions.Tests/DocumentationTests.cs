// Proves the repository stands alone and its docs say what the code does: no file points at the starting design that
// lives outside the repository, and the sync samples in docs/sync.md parse as the contract's records with the values
// the text around them states.
using System.Text.Json;
using System.Text.RegularExpressions;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;

namespace TillSync.Conventions.Tests;

public sealed partial class DocumentationTests
{
    private static readonly string[] TextExtensions = [".cs", ".md", ".sql", ".sh", ".py", ".js", ".html", ".css", ".csproj", ".props", ".json", ".yml"];

    [Fact]
    public void NoFile_PointsAtTheDesignOutsideTheRepository()
    {
        var pointing = Directory.EnumerateFiles(RepositoryLayout.Root, "*", SearchOption.AllDirectories)
            .Where(f => TextExtensions.Contains(Path.GetExtension(f)) && !IsOutsideTheSource(RepositoryLayout.Relative(f))
                && Path.GetFileName(f) != $"{nameof(DocumentationTests)}.cs")
            .Where(f => OutsideDesign().IsMatch(File.ReadAllText(f)))
            .Select(RepositoryLayout.Relative)
            .ToList();

        Assert.True(pointing.Count == 0,
            $"These files point at the starting design outside the repository; point at docs/ instead: {string.Join(", ", pointing)}");
    }

    [Fact]
    public void SyncDoc_SampleRequestAndReply_ParseAsTheContract()
    {
        var samples = JsonBlock().Matches(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "sync.md")))
            .Select(m => m.Groups["json"].Value)
            .ToList();
        Assert.True(samples.Count >= 2, $"docs/sync.md has {samples.Count} JSON samples; it shows a request and its reply.");

        var request = JsonSerializer.Deserialize(samples[0], TillSyncJsonContext.Default.DocumentSyncRequest)!;
        var document = Assert.Single(request.Documents);
        Assert.Equal(DocumentKinds.Sale, document.Kind);
        Assert.Equal(document.DocumentId, document.Sale!.ClientOrderId);
        Assert.Equal(document.TillSeq, document.Sale.TillSeq);
        Assert.Equal(315_000, document.Sale.Totals.TotalPaise);
        Assert.Equal(document.Sale.Totals.TotalPaise, document.Sale.Payments.Sum(p => p.AmountPaise));

        var reply = JsonSerializer.Deserialize(samples[1], TillSyncJsonContext.Default.DocumentSyncResponse)!;
        var result = Assert.Single(reply.Results);
        Assert.Equal((document.DocumentId, document.TillSeq, SyncStatus.Created, document.Sale.BillNo), (result.DocumentId, result.TillSeq, result.Status, result.Number));
        Assert.Equal(document.TillSeq + 1, reply.NextSeq);
    }

    [Fact]
    public void SyncDoc_RelaySampleRequestAndReply_ParseAsTheContract()
    {
        var samples = JsonBlock().Matches(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "sync.md")))
            .Select(m => m.Groups["json"].Value)
            .Where(json => json.Contains("\"groups\"", StringComparison.Ordinal))
            .ToList();
        Assert.True(samples.Count == 2, $"docs/sync.md has {samples.Count} relay samples; it shows a request and its reply.");

        var request = JsonSerializer.Deserialize(samples[0], TillSyncJsonContext.Default.RelaySyncRequest)!;
        var group = Assert.Single(request.Groups);
        var document = Assert.Single(group.Documents);
        Assert.Equal(document.TillSeq, Assert.Single(group.Chain!).TillSeq);
        Assert.Equal(document.Sale!.Totals.TotalPaise, document.Sale.Payments.Sum(p => p.AmountPaise));

        var reply = JsonSerializer.Deserialize(samples[1], TillSyncJsonContext.Default.RelaySyncResponse)!;
        var answered = Assert.Single(reply.Groups);
        var result = Assert.Single(answered.Results);
        Assert.Equal((group.TillId, document.DocumentId, SyncStatus.Created, document.Sale.BillNo), (answered.TillId, result.DocumentId, result.Status, result.Number));
        Assert.Equal((document.TillSeq + 1, group.TillId, document.TillSeq), (answered.NextSeq, answered.Statement!.TillId, answered.Statement.TillSeq));
    }

    // Build output, the test results and git's own files are not the repository's text.
    private static bool IsOutsideTheSource(string relative) =>
        relative.StartsWith(".git", StringComparison.Ordinal) || relative.StartsWith("test-output", StringComparison.Ordinal)
        || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
        || relative.StartsWith("release/", StringComparison.Ordinal) || relative.Contains("node_modules", StringComparison.Ordinal);

    [GeneratedRegex(@"shared/DESIGN|\bDESIGN\b")]
    private static partial Regex OutsideDesign();

    [GeneratedRegex("```json\\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
