// Proves the layout rules of STYLE.md hold across the repository: folders are business nouns, tests mirror the
// source folders, every test file opens with what it proves, no src/ file carries a stub, and no browser test waits for
// a navigation event that can be missed. Reads the files on disk.
namespace TillSync.Conventions.Tests;

public sealed class LayoutConventionsTests
{
    private static readonly string[] VagueFolderNames = ["Services", "Helpers", "Managers", "Repositories", "Utils", "Utilities", "Common", "Misc"];

    // Test-only folders with no source twin: shared test harness and regression tests named after what broke.
    private static readonly string[] TestOnlyFolders = ["Harness", "Regressions"];

    [Fact]
    public void SourceFolders_AreBusinessNouns_NeverVagueBuckets()
    {
        var vague = RepositoryLayout.Folders(Path.Combine(RepositoryLayout.Root, "src"))
            .Where(d => VagueFolderNames.Contains(Path.GetFileName(d), StringComparer.OrdinalIgnoreCase))
            .Select(RepositoryLayout.Relative)
            .ToList();

        Assert.Empty(vague);
    }

    [Fact]
    public void TestFolders_MirrorSourceFolders()
    {
        var unmatched = new List<string>();
        foreach (var testProject in Directory.EnumerateDirectories(Path.Combine(RepositoryLayout.Root, "tests"), "TillSync.*.Tests"))
        {
            var sourceProject = Path.Combine(RepositoryLayout.Root, "src", Path.GetFileName(testProject)[..^".Tests".Length]);
            if (!Directory.Exists(sourceProject))
            {
                continue; // Simulation, Chaos, Browser, Conventions: suites, not mirrors of one project
            }

            foreach (var folder in RepositoryLayout.Folders(testProject))
            {
                var relative = Path.GetRelativePath(testProject, folder);
                if (!TestOnlyFolders.Contains(relative.Split('/')[0]) && !Directory.Exists(Path.Combine(sourceProject, relative)))
                {
                    unmatched.Add(RepositoryLayout.Relative(folder));
                }
            }
        }

        Assert.Empty(unmatched);
    }

    [Fact]
    public void TestFiles_OpenWithTwoCommentLinesOnWhatTheyProve()
    {
        var silent = RepositoryLayout.SourceFiles("tests")
            .Where(f => f.EndsWith("Tests.cs", StringComparison.Ordinal))
            .Where(f => File.ReadLines(f).Take(2).Count(l => l.StartsWith("//", StringComparison.Ordinal)) < 2)
            .Select(RepositoryLayout.Relative)
            .ToList();

        Assert.Empty(silent);
    }

    [Fact]
    public void BrowserTests_WaitForAnAddressByPollingIt_NeverForANavigationEvent()
    {
        // WaitForURL and WaitForNavigation check the address and then subscribe to navigations: a navigation landing
        // between the two is lost and the wait times out on a page already at the address (playwright-dotnet #3364; it
        // failed a CI run and a helper's run under load). Expect(page).ToHaveURLAsync polls the address until it matches.
        var racy = RepositoryLayout.SourceFiles("tests/TillSync.Browser.Tests")
            .Where(f => File.ReadAllText(f) is var text
                && (text.Contains(".WaitForURLAsync(", StringComparison.Ordinal)
                    || text.Contains(".WaitForNavigationAsync(", StringComparison.Ordinal)
                    || text.Contains(".RunAndWaitForNavigationAsync(", StringComparison.Ordinal)))
            .Select(RepositoryLayout.Relative)
            .ToList();

        Assert.Empty(racy);
    }

    [Fact]
    public void SourceFiles_CarryNoStubsOrTodos()
    {
        var stubs = RepositoryLayout.SourceFiles("src")
            .Where(f => File.ReadAllText(f) is var text
                && (text.Contains("NotImplementedException", StringComparison.Ordinal)
                    || text.Contains("TODO", StringComparison.Ordinal)
                    || text.Contains("FIXME", StringComparison.Ordinal)))
            .Select(RepositoryLayout.Relative)
            .ToList();

        Assert.Empty(stubs);
    }
}
