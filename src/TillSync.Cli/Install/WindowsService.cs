using TillSync.Till.Hosting;

namespace TillSync.Cli.Install;

/// <summary>The till as a Windows service: the commands that register it with the service control manager under its own
/// virtual account, start it at boot (delayed, after the network), restart it after a crash, and give that account (and
/// no other) the data directory and the token file.</summary>
public static class WindowsService
{
    /// <summary>The virtual account the service runs as: Windows makes it up for the service; it needs no password.</summary>
    public const string Account = @"NT SERVICE\" + ServiceHosting.WindowsServiceName;

    /// <summary>The default data directory.</summary>
    public const string DefaultDataDirectory = @"C:\ProgramData\TillSync\till";

    /// <summary>The commands, in order (each a program and its arguments), or a sentence on why there are none.</summary>
    public static (IReadOnlyList<IReadOnlyList<string>> Commands, string? Problem) Commands(TillService service)
    {
        (string Option, string Path)[] paths =
            [("--data", service.DataDirectory), ("--token-file", service.TokenFile), .. service.MirrorDirectory is { } m ? new[] { ("--mirror", m) } : []];
        foreach (var (option, path) in paths)
        {
            if (!IsAbsoluteWindowsPath(path))
            {
                return ([], $"{option} must be an absolute Windows path such as C:\\ProgramData\\TillSync\\till; got '{path}'.");
            }
        }

        if (service.MirrorDirectory is { } mirrorPath && TillService.Nested(mirrorPath, service.DataDirectory, '\\', StringComparison.OrdinalIgnoreCase))
        {
            return ([], $"--mirror must be a directory of its own, neither the data directory nor inside it (nor around it); got '{mirrorPath}' with --data '{service.DataDirectory}'.");
        }

        var name = ServiceHosting.WindowsServiceName;
        var binPath = string.Join(' ', service.Command.Concat(service.TillArguments()).Append(service.TokenFile).Select(Quote));
        // The single-file executable unpacks its one native library (SQLite) on first start: into the data directory,
        // which the service's account may write, rather than a temporary folder it may not.
        var bundleDirectory = service.DataDirectory.TrimEnd('\\') + @"\bundle";
        return (
        [
            ["sc.exe", "create", name, "binPath=", binPath, "start=", "delayed-auto", "obj=", Account, "DisplayName=", "TillSync till"],
            ["sc.exe", "description", name, "TillSync till: the cashier page on http://127.0.0.1, the local store of sales and the sync agent."],
            // Restart after 5 s, 5 s, then every 30 s; forget failures after a day. failureflag 1: also when the
            // process ends with an error code, not only when it crashes.
            ["sc.exe", "failure", name, "reset=", "86400", "actions=", "restart/5000/restart/5000/restart/30000"],
            ["sc.exe", "failureflag", name, "1"],
            ["reg.exe", "add", $@"HKLM\SYSTEM\CurrentControlSet\Services\{name}", "/v", "Environment", "/t", "REG_MULTI_SZ",
                "/d", $"DOTNET_BUNDLE_EXTRACT_BASE_DIR={bundleDirectory}", "/f"],
            ["cmd.exe", "/c", "if", "not", "exist", service.DataDirectory, "mkdir", service.DataDirectory],
            ["icacls.exe", service.DataDirectory, "/grant", $"{Account}:(OI)(CI)M"],
            ["icacls.exe", service.TokenFile, "/grant", $"{Account}:R"],
            .. service.MirrorDirectory is not { } mirror ? [] : new IReadOnlyList<string>[]
            {
                ["cmd.exe", "/c", "if", "not", "exist", mirror, "mkdir", mirror],
                ["icacls.exe", mirror, "/grant", $"{Account}:(OI)(CI)M"],
            },
            ["sc.exe", "start", name],
        ], null);
    }

    /// <summary>One command as a person would type it in PowerShell or cmd.</summary>
    public static string Render(IReadOnlyList<string> command) => string.Join(' ', command.Select(Quote));

    private static bool IsAbsoluteWindowsPath(string path) =>
        path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] == '\\';

    // Windows' own rule (CommandLineToArgvW): quote an argument with spaces or quotes, escape an inner quote with a
    // backslash and double the backslashes before it.
    private static string Quote(string argument)
    {
        if (argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"'))
        {
            return argument;
        }

        var quoted = new System.Text.StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            quoted.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes).Append(c);
            backslashes = 0;
        }

        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
