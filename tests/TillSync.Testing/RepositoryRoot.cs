// Finds the repository the tests were built from: the release tests use its scripts/release.sh and git history, the
// alert rules test its docs/alerts.
namespace TillSync.Testing;

/// <summary>The directory holding <c>TillSync.slnx</c>, above the test binaries.</summary>
public static class RepositoryRoot
{
    /// <summary>Its absolute path.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "TillSync.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no TillSync.slnx above {AppContext.BaseDirectory}");
    }
}
