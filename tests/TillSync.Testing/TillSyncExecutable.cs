// Which `tillsync` a process test runs: the build under test through the dotnet host (the default), or a release's
// single-file executable or an earlier release's build, optionally in an environment holding only what the test gives.
namespace TillSync.Testing;

/// <summary>A <c>tillsync</c> to run: <paramref name="FileName"/> with <paramref name="LeadingArguments"/> before the verb.
/// With <paramref name="CleanEnvironment"/> the process sees only those variables (and the test's <c>TILLSYNC_*</c>
/// settings), as on a shop's PC with no .NET SDK; without it, the test's environment less its <c>TILLSYNC_*</c>.</summary>
public sealed record TillSyncExecutable(string FileName, IReadOnlyList<string> LeadingArguments, IReadOnlyDictionary<string, string>? CleanEnvironment)
{
    /// <summary>The variable naming a directory whose <c>tillsync.dll</c> the tests run instead of the one beside them:
    /// scripts/test.sh publishes the build compiled ahead of time there (ReadyToRun), so that each of the suite's hundreds
    /// of processes does not compile the same code again as it starts.</summary>
    public const string DirectoryVariable = "TILLSYNC_TEST_EXECUTABLE_DIR";

    /// <summary>The tillsync the tests run: <c>tillsync.dll</c> in <see cref="DirectoryVariable"/> when it is set, else the
    /// build copied beside the tests; run by the dotnet host that runs the tests.</summary>
    public static TillSyncExecutable UnderTest()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } published ? published : AppContext.BaseDirectory;
        var dll = Path.Combine(directory, "tillsync.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException(directory == AppContext.BaseDirectory
                ? "tillsync.dll was not copied beside the tests; is TillSync.Cli referenced?"
                : $"{DirectoryVariable} names {directory}, which holds no tillsync.dll.", dll);
        }

        return DllIn(directory);
    }

    /// <summary>A build of another release (<c>tillsync.dll</c> in <paramref name="directory"/>) through the dotnet host
    /// that runs the tests (`dotnet test` sets DOTNET_HOST_PATH to it; else the one on PATH).</summary>
    public static TillSyncExecutable DllIn(string directory)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return new(!string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet", [Path.Combine(directory, "tillsync.dll")], null);
    }
}
