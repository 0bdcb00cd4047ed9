namespace TillSync.Conventions.Tests;

/// <summary>Finds the repository's files from the test's bin folder.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> SourceFiles(string topFolder) =>
        Directory.EnumerateFiles(Path.Combine(Root, topFolder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f));

    public static IEnumerable<string> Folders(string under) =>
        Directory.EnumerateDirectories(under, "*", SearchOption.AllDirectories).Where(d => !IsBuildOutput(d + "/"));

    public static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static bool IsBuildOutput(string path) =>
        path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("/obj/", StringComparison.Ordinal);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TillSync.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("TillSync.slnx not found above the test binaries.");
    }
}
