using System.CommandLine;
using System.Diagnostics;
using TillSync.Cli.Install;
using TillSync.Contracts.Status;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync till install-service</c>: registers this executable as the till's service (systemd on Linux, the
/// service control manager on Windows), started at boot and restarted after a crash. <c>--dry-run</c> prints what it
/// would do and changes nothing.</summary>
public static class InstallServiceVerb
{
    private const string DefaultUnitDirectory = "/etc/systemd/system";

    /// <summary>The subcommand with its options.</summary>
    public static Command Create(TextWriter console)
    {
        var hq = new Option<string>("--hq") { Description = "HQ's address, e.g. https://hq.example.in. Required.", Required = true };
        var tokenFile = new Option<string>("--token-file")
        {
            Description = "Absolute path of the file holding the till's token (from POST /api/v1/tills), readable by administrators only. Required.",
            Required = true,
        };
        var data = new Option<string?>("--data")
        {
            Description = $"Absolute directory for till.db. Default: {SystemdUnit.DefaultDataDirectory} on Linux (it must be below {SystemdUnit.StateRoot}), {WindowsService.DefaultDataDirectory} on Windows.",
        };
        var mirror = new Option<string?>("--mirror")
        {
            Description = $"Absolute directory on another device where the till keeps a current copy of till.db (docs/operations.md). On Linux it must be below {SystemdUnit.StateRoot}: mount the device there.",
        };
        var urls = new Option<string>("--urls") { Description = "Where the cashier page listens; loopback.", DefaultValueFactory = _ => "http://127.0.0.1:5090" };
        var unitDirectory = new Option<string>("--unit-dir")
        {
            Description = "Linux: where the unit file goes.", DefaultValueFactory = _ => DefaultUnitDirectory,
        };
        var noStart = new Option<bool>("--no-start") { Description = "Linux: write the unit file only; print the systemctl commands instead of running them." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the unit file or the commands; change nothing." };
        var os = new Option<string?>("--os") { Description = "With --dry-run: linux or windows, to see the other system's service. Default: this one." };
        var command = new Command("install-service",
            "Register this executable as the till's service: systemd on Linux, a Windows service on Windows; it starts at boot and restarts after a crash.")
        {
            hq, tokenFile, data, mirror, urls, unitDirectory, noStart, dryRun, os,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var windows = (parse.GetValue(os) ?? (OperatingSystem.IsWindows() ? "windows" : "linux")) switch
            {
                "windows" => (bool?)true,
                "linux" => false,
                _ => null,
            };
            Uri.TryCreate(parse.GetValue(hq), UriKind.Absolute, out var hqUrl);
            var problem = windows is null ? "--os must be linux or windows."
                : hqUrl is null ? "--hq must be an absolute URL such as https://hq.example.in."
                : windows != OperatingSystem.IsWindows() && !parse.GetValue(dryRun) ? "--os names another system: add --dry-run to see its service."
                : null;
            if (problem is not null)
            {
                await console.WriteLineAsync($"till install-service: {problem}");
                return 2;
            }

            var service = new TillService(TillService.CurrentCommand(), hqUrl!,
                parse.GetValue(data) ?? (windows!.Value ? WindowsService.DefaultDataDirectory : SystemdUnit.DefaultDataDirectory),
                parse.GetValue(urls)!, parse.GetValue(tokenFile)!, parse.GetValue(mirror));
            return windows!.Value
                ? await InstallWindowsAsync(service, parse.GetValue(dryRun), console, cancellationToken)
                : await InstallSystemdAsync(service, parse.GetValue(unitDirectory)!, parse.GetValue(dryRun), parse.GetValue(noStart), console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> InstallSystemdAsync(
        TillService service, string unitDirectory, bool dryRun, bool noStart, TextWriter console, CancellationToken cancellationToken)
    {
        var (unit, problem) = SystemdUnit.Render(
            service with { DataDirectory = service.DataDirectory.TrimEnd('/'), MirrorDirectory = service.MirrorDirectory?.TrimEnd('/') }, ReleaseVersion.Current);
        problem ??= dryRun || File.Exists(service.TokenFile) ? null : $"the token file {service.TokenFile} does not exist: save the till's token there first (owner root, mode 0600).";
        if (problem is not null)
        {
            await console.WriteLineAsync($"till install-service: {problem}");
            return 2;
        }

        string[][] commands = [["systemctl", "daemon-reload"], ["systemctl", "enable", "--now", SystemdUnit.Name]];
        if (dryRun)
        {
            await console.WriteAsync(unit);
            await console.WriteLineAsync($"# then, as root: {string.Join(" && ", commands.Select(c => string.Join(' ', c)))}");
            return 0;
        }

        var path = Path.Combine(unitDirectory, SystemdUnit.Name + ".service");
        Directory.CreateDirectory(unitDirectory);
        await File.WriteAllTextAsync(path, unit, cancellationToken);
        await console.WriteLineAsync($"till install-service: wrote {path}");
        if (noStart)
        {
            await console.WriteLineAsync($"till install-service: to start it now and at every boot: {string.Join(" && ", commands.Select(c => string.Join(' ', c)))}");
            return 0;
        }

        return await RunAllAsync(commands, c => string.Join(' ', c), console, cancellationToken);
    }

    private static async Task<int> InstallWindowsAsync(TillService service, bool dryRun, TextWriter console, CancellationToken cancellationToken)
    {
        var (commands, problem) = WindowsService.Commands(service);
        problem ??= dryRun || File.Exists(service.TokenFile) ? null : $"the token file {service.TokenFile} does not exist: save the till's token there first.";
        if (problem is not null)
        {
            await console.WriteLineAsync($"till install-service: {problem}");
            return 2;
        }

        if (dryRun)
        {
            foreach (var command in commands)
            {
                await console.WriteLineAsync(WindowsService.Render(command));
            }

            return 0;
        }

        return await RunAllAsync(commands, WindowsService.Render, console, cancellationToken);
    }

    // Runs the commands in order and stops at the first that fails, saying which; the operator can rerun the rest by hand.
    private static async Task<int> RunAllAsync(
        IEnumerable<IReadOnlyList<string>> commands, Func<IReadOnlyList<string>, string> render, TextWriter console, CancellationToken cancellationToken)
    {
        foreach (var command in commands)
        {
            var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
            foreach (var argument in command.Skip(1))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command[0]}");
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                await console.WriteLineAsync($"till install-service: `{render(command)}` failed with exit code {process.ExitCode}; nothing after it was run.");
                return 1;
            }
        }

        await console.WriteLineAsync("till install-service: the till runs as a service now and starts at every boot; its page is the --urls address.");
        return 0;
    }
}
