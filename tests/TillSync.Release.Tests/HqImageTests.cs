// Proves HQ's image archive is a well-formed OCI image whose config names the entrypoint, a non-root user, the port, the
// /data volume and the health check, whose layers hold the release's executable, and whose file system runs HQ as that
// user (chroot, as root) so that a till syncs a sale to it.
using System.Security.Cryptography;
using TillSync.Testing;

namespace TillSync.Release.Tests;

[Collection(ReleaseSuite.Name)]
public sealed class HqImageTests(ReleaseBuild release)
{
    [Fact]
    public async Task ImageConfig_NamesEntrypointNonRootUserPortVolumeAndHealthCheck()
    {
        var image = await OciImage.ReadAsync(release.ImageArchive);
        var config = image.Config["config"]!;

        Assert.Equal("/app/tillsync", config["Entrypoint"]![0]!.GetValue<string>());
        Assert.Equal("hq", config["Cmd"]![0]!.GetValue<string>());
        var user = config["User"]!.GetValue<string>();
        Assert.Equal("10001:10001", user);
        Assert.NotNull(config["ExposedPorts"]!["8080/tcp"]);
        Assert.NotNull(config["Volumes"]!["/data"]);
        Assert.Equal(["CMD", "/app/tillsync", "health", "--url", "http://127.0.0.1:8080/healthz"],
            config["Healthcheck"]!["Test"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("TILLSYNC_DATA=/data", config["Env"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(ReleaseBuild.Version, config["Labels"]!["org.opencontainers.image.version"]!.GetValue<string>());
        Assert.Equal("amd64", image.Config["architecture"]!.GetValue<string>());
    }

    [Fact]
    public async Task ImageLayers_MatchTheirDigests_AndCarryTheReleaseExecutable()
    {
        var image = await OciImage.ReadAsync(release.ImageArchive);
        var diffIds = image.Config["rootfs"]!["diff_ids"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

        Assert.Equal(diffIds, image.Layers.Select(l => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(l))).ToList());
        var files = image.Layers.SelectMany(OciImage.Entries).ToDictionary(e => e.Name, e => e);
        Assert.Equal(await File.ReadAllBytesAsync(release.LinuxExecutable), files["app/tillsync"].Data);
        Assert.Equal(10001, files["data"].Uid);
        Assert.True(files.ContainsKey("usr/lib/x86_64-linux-gnu/libssl.so.3"), "OpenSSL, which .NET's cryptography loads, is missing");
        Assert.True(files["etc/ssl/certs/ca-certificates.crt"].Data.Length > 100_000, "the CA bundle is missing or empty");
    }

    [Fact]
    public async Task ImageFileSystem_RunsHqAsItsUser_AndATillSyncsASaleToIt()
    {
        Assert.True(ReleaseBuild.IsRoot, "running HQ from the image's file system needs root (chroot and a mount namespace); CI runs as root");
        var rootfs = release.Scratch("rootfs");
        var image = await OciImage.ReadAsync(release.ImageArchive);
        foreach (var layer in image.Layers)
        {
            // GNU tar, as a runtime unpacks layers: it keeps owners, modes and the absolute links of Debian's libraries
            // (which .NET's TarFile refuses to write, as links that leave the directory).
            var file = Path.Combine(release.Scratch("layer"), "layer.tar");
            await File.WriteAllBytesAsync(file, layer);
            var untar = await Commands.RunAsync("tar", ["-xpf", file, "-C", rootfs], TimeSpan.FromMinutes(2));
            Assert.True(untar.ExitCode == 0, untar.ToString());
        }

        await using var hq = await HqProcess.StartAsync(executable: ImageRoot.Executable(rootfs, image.Config["config"]!));

        var (_, order, _) = await Sales.SellThroughTillAsync(hq, release.CleanLinuxExecutable());

        Assert.Equal("committed", order.Status);
        // HQ wrote its database as the image's user into the image's /data volume.
        var owner = await Commands.RunAsync("stat", ["-c", "%u", Path.Combine(rootfs, "data", "hq.db")], TimeSpan.FromSeconds(30));
        Assert.Equal("10001", owner.Output.Trim());
    }
}
