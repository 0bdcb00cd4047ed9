using System.Text;

namespace TillSync.Cli.Install;

/// <summary>The till as a systemd service: <c>Type=notify</c> (the till reports ready through .NET's systemd
/// integration), started at boot, restarted after any exit, under a user systemd makes up for it, with the token passed
/// as a systemd credential so that only this service can read it. The service may write only its state directories: the
/// data directory, and the mirror's when there is one (a second <c>StateDirectory=</c>, where the operator mounts the
/// other device; docs/deploy.md says why).</summary>
public static class SystemdUnit
{
    /// <summary>The unit's name.</summary>
    public const string Name = "tillsync-till";

    /// <summary>Where systemd keeps services' state; the till's data directory must be below it (systemd's
    /// <c>StateDirectory=</c>, owned by the service's dynamic user).</summary>
    public const string StateRoot = "/var/lib/";

    /// <summary>The default data directory.</summary>
    public const string DefaultDataDirectory = StateRoot + Name;

    /// <summary>The unit file's text, or a sentence on why <paramref name="service"/> cannot be one.</summary>
    public static (string? Text, string? Problem) Render(TillService service, string version)
    {
        if (StateDirectory(service.DataDirectory) is not { } stateDirectory)
        {
            return (null, $"on Linux the till keeps its data below {StateRoot}, in a directory whose path has no spaces (systemd's StateDirectory, owned by the service's own user); got '{service.DataDirectory}'.");
        }

        var mirrorDirectory = service.MirrorDirectory is { } mirror ? StateDirectory(mirror) : null;
        if (service.MirrorDirectory is not null && mirrorDirectory is null)
        {
            return (null, $"on Linux the mirror must be below {StateRoot} too, with no spaces in its path (a second StateDirectory, owned by the service's own user: mount the other device there); got '{service.MirrorDirectory}'.");
        }

        if (mirrorDirectory is not null && TillService.Nested(mirrorDirectory, stateDirectory, '/', StringComparison.Ordinal))
        {
            return (null, $"--mirror must be a directory of its own, neither the data directory nor inside it (nor around it); got '{service.MirrorDirectory}' with --data '{service.DataDirectory}'.");
        }

        if (!Path.IsPathFullyQualified(service.TokenFile))
        {
            return (null, $"--token-file must be an absolute path; got '{service.TokenFile}'.");
        }

        // %d is systemd's credentials directory: the service reads its copy of the token there, never the original.
        var execStart = string.Join(' ', service.Command.Concat(service.TillArguments()).Select(Quote)) + " %d/till-token";
        var unit = new StringBuilder()
            .AppendLine($"# Written by `tillsync till install-service` ({version}); docs/deploy.md explains it.")
            .AppendLine("[Unit]")
            .AppendLine("Description=TillSync till: the cashier page, the local store of sales and the sync agent")
            .AppendLine("Wants=network-online.target")
            .AppendLine("After=network-online.target")
            // Never give up restarting: a till that stays down piles nothing up, but the cashier cannot sell.
            .AppendLine("StartLimitIntervalSec=0")
            .AppendLine()
            .AppendLine("[Service]")
            .AppendLine("Type=notify")
            .AppendLine($"ExecStart={execStart}")
            .AppendLine($"LoadCredential=till-token:{Escape(service.TokenFile)}")
            .AppendLine("DynamicUser=yes")
            .AppendLine($"StateDirectory={Escape(stateDirectory)}{(mirrorDirectory is null ? "" : " " + Escape(mirrorDirectory))}")
            .AppendLine("StateDirectoryMode=0700")
            .AppendLine($"CacheDirectory={Name}")
            // The single-file executable unpacks its one native library (SQLite) here on first start.
            .AppendLine($"Environment=DOTNET_BUNDLE_EXTRACT_BASE_DIR=%C/{Name}")
            .AppendLine("Restart=always")
            .AppendLine("RestartSec=2")
            .AppendLine("TimeoutStopSec=30")
            .AppendLine("ProtectSystem=strict")
            .AppendLine("ProtectHome=read-only")
            .AppendLine("PrivateTmp=yes")
            .AppendLine("NoNewPrivileges=yes")
            .AppendLine()
            .AppendLine("[Install]")
            .AppendLine("WantedBy=multi-user.target");
        return (unit.ToString(), null);
    }

    // A directory below /var/lib/ as systemd's StateDirectory= names it (relative, no trailing slash), or null when it is not one.
    private static string? StateDirectory(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed.StartsWith(StateRoot, StringComparison.Ordinal) && trimmed.Length > StateRoot.Length && !trimmed.Contains("..", StringComparison.Ordinal)
            && !trimmed.Any(char.IsWhiteSpace)
            ? trimmed[StateRoot.Length..]
            : null;
    }

    // systemd expands % specifiers and $ variables in unit settings; a literal one is doubled.
    private static string Escape(string value) => value.Replace("%", "%%", StringComparison.Ordinal).Replace("$", "$$", StringComparison.Ordinal);

    private static string Quote(string argument)
    {
        var escaped = Escape(argument);
        return escaped.Length > 0 && !escaped.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or ';')
            ? escaped
            : "\"" + escaped.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
