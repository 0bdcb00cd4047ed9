// Runs HQ from an unpacked image file system the way a container runtime would, without one: its own mount and PID
// namespaces with /proc and /dev mounted, chroot into the image, the image's user, environment and /data volume.
using System.Text.Json.Nodes;
using TillSync.Testing;

namespace TillSync.Release.Tests;

/// <summary>The image's entrypoint as a <see cref="TillSyncExecutable"/> for <see cref="HqProcess"/>.</summary>
public static class ImageRoot
{
    /// <summary>Runs <c>/app/tillsync</c> inside <paramref name="rootfs"/> as the user and with the environment that
    /// <paramref name="config"/> (the image config's <c>config</c>) names. The harness passes a host data directory;
    /// the wrapper swaps it for the image's <c>/data</c>, as a container's volume would be.</summary>
    public static TillSyncExecutable Executable(string rootfs, JsonNode config)
    {
        var user = config["User"]!.GetValue<string>();
        var entrypoint = config["Entrypoint"]![0]!.GetValue<string>();
        var environment = config["Env"]!.AsArray().Select(n => n!.GetValue<string>().Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var script = $$"""
            set -e
            /bin/mount -t proc proc '{{rootfs}}/proc'
            /bin/mount --rbind /dev '{{rootfs}}/dev'
            arguments=("$@")
            for i in "${!arguments[@]}"; do if [ "${arguments[$i]}" = --data ]; then arguments[$((i + 1))]=/data; fi; done
            exec /usr/sbin/chroot --userspec={{user}} '{{rootfs}}' {{entrypoint}} "${arguments[@]}"
            """;
        return new TillSyncExecutable("/usr/bin/unshare", ["--mount", "--pid", "--fork", "--kill-child", "/bin/bash", "-c", script, "bash"], environment);
    }
}
