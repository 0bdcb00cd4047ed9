// Proves `tillsync till install-service` from the release executable writes a systemd unit that systemd itself accepts
// (systemd-analyze verify, warnings counted as failures), with a mirror as its second state directory, and prints the
// Windows commands with the executable quoted.
namespace TillSync.Release.Tests;

[Collection(ReleaseSuite.Name)]
public sealed class ServiceInstallTests(ReleaseBuild release)
{
    [Fact]
    public async Task SystemdUnit_WrittenByInstallService_PassesSystemdAnalyzeVerify()
    {
        var units = release.Scratch("units");
        var tokenFile = Path.Combine(release.Scratch("etc"), "till.token");
        await File.WriteAllTextAsync(tokenFile, "a-till-token");

        var install = await Commands.RunAsync(release.LinuxExecutable,
            ["till", "install-service", "--hq", "https://hq.example.in", "--token-file", tokenFile, "--mirror", "/var/lib/tillsync-mirror/",
                "--unit-dir", units, "--no-start"],
            TimeSpan.FromMinutes(1), environment: release.CleanLinuxExecutable().CleanEnvironment, clean: true);
        Assert.True(install.ExitCode == 0, install.ToString());
        var unit = Path.Combine(units, "tillsync-till.service");
        var text = await File.ReadAllTextAsync(unit);
        Assert.Contains($"ExecStart={release.LinuxExecutable} till --hq https://hq.example.in/ --data /var/lib/tillsync-till", text, StringComparison.Ordinal);
        Assert.Contains($"LoadCredential=till-token:{tokenFile}", text, StringComparison.Ordinal);
        Assert.Contains("--mirror /var/lib/tillsync-mirror --token-file", text, StringComparison.Ordinal);
        Assert.Contains("StateDirectory=tillsync-till tillsync-mirror", text, StringComparison.Ordinal);

        // systemd-analyze exits 0 on unknown keys and only warns: any output is a failure here. scripts/test.sh installs
        // Debian's systemd package for it.
        var verify = await Commands.RunAsync("systemd-analyze", ["verify", unit], TimeSpan.FromMinutes(1));
        Assert.True(verify.ExitCode == 0 && verify.Errors.Trim().Length == 0 && verify.Output.Trim().Length == 0, verify.ToString());
    }

    [Fact]
    public async Task WindowsService_DryRun_RegistersTheExecutableQuotedWithDelayedStartAndRestarts()
    {
        var install = await Commands.RunAsync(release.LinuxExecutable,
            ["till", "install-service", "--os", "windows", "--dry-run", "--hq", "https://hq.example.in",
                "--token-file", @"C:\ProgramData\TillSync\till.token", "--data", @"C:\Shop Data\till"],
            TimeSpan.FromMinutes(1), environment: release.CleanLinuxExecutable().CleanEnvironment, clean: true);

        Assert.True(install.ExitCode == 0, install.ToString());
        var lines = install.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("sc.exe create TillSyncTill binPath= \"", lines[0], StringComparison.Ordinal);
        Assert.Contains("--data \\\"C:\\Shop Data\\till\\\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("start= delayed-auto obj= \"NT SERVICE\\TillSyncTill\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("sc.exe failure TillSyncTill reset= 86400 actions= restart/5000/restart/5000/restart/30000", lines);
        Assert.Equal("sc.exe start TillSyncTill", lines[^1]);
    }
}
