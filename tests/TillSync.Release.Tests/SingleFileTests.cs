// Proves the release's executables are what a shop installs: the linux-x64 single file runs HQ and a till with no .NET
// SDK on the PATH and a sale syncs; every status answer names the release; the win-x64 file is a 64-bit console PE.
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Testing;

namespace TillSync.Release.Tests;

[Collection(ReleaseSuite.Name)]
public sealed class SingleFileTests(ReleaseBuild release)
{
    [Fact]
    public async Task LinuxExecutable_WithNoSdk_SellsAndSyncsToHqRunFromTheSameFile()
    {
        var executable = release.CleanLinuxExecutable();
        await using var hq = await HqProcess.StartAsync(executable: executable);

        var (receipt, order, _) = await Sales.SellThroughTillAsync(hq, executable);

        Assert.Equal("committed", order.Status);
        Assert.Equal(receipt.BillNo, order.Order.BillNo);
        Assert.Equal(receipt.Totals.TotalPaise, order.Order.Totals.TotalPaise);
    }

    [Fact]
    public async Task LinuxExecutable_NamesTheReleaseInVersionAndEveryStatusAnswer()
    {
        var executable = release.CleanLinuxExecutable();
        var version = await Commands.RunAsync(release.LinuxExecutable, ["--version"], TimeSpan.FromMinutes(1), environment: executable.CleanEnvironment, clean: true);
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith(ReleaseBuild.Version + "+", version.Output.Trim(), StringComparison.Ordinal);

        await using var hq = await HqProcess.StartAsync(executable: executable);
        using var http = hq.CreateClient(bearerToken: null);
        var status = await http.GetFromJsonAsync("/api/status", TillSyncJsonContext.Default.HqStatus);
        Assert.Equal(version.Output.Trim(), status!.Version);
        Assert.Contains("v1", status.SyncContracts);

        await HqScenario.SetUpAsync(hq);
        var enrolment = await HqScenario.EnrolTillAsync(hq);
        await using var till = await TillProcess.StartAsync(hq.BaseAddress, enrolment.Token, executable);
        Assert.Equal(version.Output.Trim(), (await till.Api.StatusAsync()).Version);
    }

    [Fact]
    public async Task WindowsExecutable_IsA64BitConsolePe_WithTheApplicationBundled()
    {
        var bytes = await File.ReadAllBytesAsync(release.WindowsExecutable);

        var header = PeHeader.Read(bytes);
        Assert.Equal(PeHeader.MachineAmd64, header.Machine);
        Assert.Equal(PeHeader.MagicPe32Plus, header.OptionalHeaderMagic);
        Assert.Equal(PeHeader.SubsystemWindowsConsole, header.Subsystem);
        // Self-contained single file: the runtime and every TillSync assembly travel inside the one .exe.
        foreach (var bundled in new[] { "tillsync.dll", "TillSync.Hq.dll", "TillSync.Till.dll", "System.Private.CoreLib.dll", "e_sqlite3.dll" })
        {
            Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(bundled)) >= 0, $"{bundled} is not in the bundle");
        }
    }

    [Fact]
    public async Task Checksums_CoverEveryArtifact()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(release.ArtifactsDirectory, "SHA256SUMS"));
        var artifacts = Directory.GetFiles(release.ArtifactsDirectory).Select(f => Path.GetFileName(f))
            .Where(n => n is not "SHA256SUMS" and not "BUILDINFO").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(artifacts, lines.Select(l => l.Split("  ")[1]).Order(StringComparer.Ordinal).ToList());
        foreach (var line in lines)
        {
            var (sum, name) = (line.Split("  ")[0], line.Split("  ")[1]);
            await using var file = File.OpenRead(Path.Combine(release.ArtifactsDirectory, name));
            Assert.Equal(sum, Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(file)));
        }
    }
}
