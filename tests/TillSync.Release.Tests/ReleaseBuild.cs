// Builds the release once for every release test: scripts/release.sh for linux-x64 and win-x64 with HQ's image, and the
// previous release's tillsync from git history. Publishing is slow; the tests only read and run what it made.
using System.Runtime.InteropServices;
using TillSync.Testing;

namespace TillSync.Release.Tests;

/// <summary>This release's artifacts and the previous release's build, made once per test run.</summary>
public sealed class ReleaseBuild : IAsyncLifetime
{
    /// <summary>The version the tests build, so that a test can tell it from a developer build's 1.0.0.</summary>
    public const string Version = "9.8.7-test";

    /// <summary>The previous release: main before issue 23, the last commit whose till speaks sync v1 and whose HQ has no
    /// status answer. TILLSYNC_PREVIOUS_RELEASE (a tag or commit) overrides it once releases are tagged.</summary>
    public const string PreviousReleaseCommit = "87c3599093499f5fd80d8af2f78c28cecfda13cc";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(30);

    // TILLSYNC_RELEASE_TESTS_BUILD names the directory of an earlier run's build (release/ and previous/out/) to test
    // again without publishing again, while working on these tests; it is left in place.
    private static readonly string? Reused = Environment.GetEnvironmentVariable("TILLSYNC_RELEASE_TESTS_BUILD") is { Length: > 0 } reused ? reused : null;

    private readonly string directory = Reused ?? Path.Combine(Path.GetTempPath(), "tillsync-release-tests", Guid.CreateVersion7().ToString("N"));

    /// <summary>Where release.sh wrote the artifacts.</summary>
    public string ArtifactsDirectory => Path.Combine(directory, "release");

    /// <summary>The linux-x64 single-file executable.</summary>
    public string LinuxExecutable => Path.Combine(ArtifactsDirectory, $"tillsync-{Version}-linux-x64");

    /// <summary>The win-x64 single-file executable.</summary>
    public string WindowsExecutable => Path.Combine(ArtifactsDirectory, $"tillsync-{Version}-win-x64.exe");

    /// <summary>HQ's image archive.</summary>
    public string ImageArchive => Path.Combine(ArtifactsDirectory, $"tillsync-hq-{Version}.oci.tar");

    /// <summary>The directory holding the previous release's <c>tillsync.dll</c>.</summary>
    public string PreviousReleaseDirectory => Path.Combine(directory, "previous", "out");

    /// <summary>A scratch directory under the build's, removed with it.</summary>
    public string Scratch(string name)
    {
        var path = Path.Combine(directory, "scratch", name + "-" + Guid.CreateVersion7().ToString("N")[^8..]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The linux executable in an environment with no .NET SDK: no dotnet on PATH, a home of its own.</summary>
    public TillSyncExecutable CleanLinuxExecutable()
    {
        var home = Scratch("home");
        var emptyPath = Scratch("bin");
        return new TillSyncExecutable(LinuxExecutable, [], new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["PATH"] = emptyPath,
        });
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (Reused is not null)
        {
            Assert.True(File.Exists(LinuxExecutable) && File.Exists(Path.Combine(PreviousReleaseDirectory, "tillsync.dll")), $"no earlier build in {Reused}");
            return;
        }

        Directory.CreateDirectory(directory);
        var release = await Commands.RunAsync("bash",
            ["scripts/release.sh", Version, "--out", ArtifactsDirectory, "--rids", "linux-x64 win-x64", "--allow-dirty"], BuildTimeout);
        Assert.True(release.ExitCode == 0, $"scripts/release.sh failed: {release}");

        var previous = Environment.GetEnvironmentVariable("TILLSYNC_PREVIOUS_RELEASE") is { Length: > 0 } tag ? tag : PreviousReleaseCommit;
        var source = Path.Combine(directory, "previous", "src");
        Directory.CreateDirectory(source);
        // git archive reads the history without touching the work tree or registering anything in the repository.
        var archive = await Commands.RunAsync("bash", ["-c", $"git archive --format=tar {previous} | tar -x -C '{source}'"], BuildTimeout);
        Assert.True(archive.ExitCode == 0, $"could not take the previous release {previous} from git history (a shallow clone?): {archive}");
        var build = await Commands.RunAsync("dotnet",
            ["publish", Path.Combine(source, "src", "TillSync.Cli", "TillSync.Cli.csproj"), "-c", "Release", "-o", PreviousReleaseDirectory, "-nologo", "-clp:ErrorsOnly", "-nodeReuse:false",
                // As release.sh builds: the analyzers only report (and this SDK's may report on old code), adding no byte.
                "-p:RunAnalyzers=false"],
            BuildTimeout, environment: new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
        Assert.True(build.ExitCode == 0, $"building the previous release {previous} failed: {build}");
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Reused is null)
        {
            await TempDirectory.DeleteAsync(directory);
        }
    }

    /// <summary>True when the tests run as root, which running HQ from the image's file system (chroot) needs.</summary>
    public static bool IsRoot => RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && Environment.UserName == "root";
}

/// <summary>Every release test shares one <see cref="ReleaseBuild"/> and runs one at a time (they are processes on 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class ReleaseSuite : ICollectionFixture<ReleaseBuild>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "release";
}
