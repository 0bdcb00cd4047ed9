// Where the browser tests leave their screenshots: TILLSYNC_TEST_ARTIFACTS when set (scripts/test.sh points it into
// test-output/), else a screenshots folder beside the test assembly; one subfolder per test.
namespace TillSync.Browser.Tests.Harness;

/// <summary>The screenshot folder of one test.</summary>
public static class Artifacts
{
    /// <summary>Creates and returns the folder for <paramref name="testName"/>.</summary>
    public static string FolderFor(string testName)
    {
        var root = Environment.GetEnvironmentVariable("TILLSYNC_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? Path.Combine(Path.GetFullPath(configured), "browser")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        var folder = Path.Combine(root, testName);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
