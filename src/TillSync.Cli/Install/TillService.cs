namespace TillSync.Cli.Install;

/// <summary>What a till service runs: <c>Command</c> is the executable (and, when run through the dotnet host,
/// <c>tillsync.dll</c>) the service manager starts with the till's options.</summary>
/// <param name="Command">The executable first, then any arguments before the verb.</param>
/// <param name="HqUrl">HQ's address (<c>--hq</c>).</param>
/// <param name="DataDirectory">An absolute path for <c>till.db</c>: service managers do not start in the operator's folder.</param>
/// <param name="Urls">Where the cashier page listens; loopback.</param>
/// <param name="TokenFile">The absolute path of the file holding the till's token, readable by administrators only.</param>
/// <param name="MirrorDirectory">An absolute directory on another device for the till's mirror (<c>--mirror</c>,
/// docs/operations.md), or null for none.</param>
public sealed record TillService(IReadOnlyList<string> Command, Uri HqUrl, string DataDirectory, string Urls, string TokenFile, string? MirrorDirectory = null)
{
    /// <summary>The command that started this process, as a service would repeat it: the single-file <c>tillsync</c>
    /// itself, or the dotnet host and <c>tillsync.dll</c> when run from a build.</summary>
    public static IReadOnlyList<string> CurrentCommand()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this executable is unknown");
        var name = Path.GetFileNameWithoutExtension(process);
        return name == "dotnet" ? [process, Path.Combine(AppContext.BaseDirectory, "tillsync.dll")] : [process];
    }

    /// <summary>The till's arguments after the command, up to <c>--token-file</c>, whose value each service manager
    /// passes its own way.</summary>
    public IReadOnlyList<string> TillArguments() =>
        ["till", "--hq", HqUrl.ToString(), "--data", DataDirectory, "--urls", Urls, .. MirrorDirectory is null ? [] : new[] { "--mirror", MirrorDirectory }, "--token-file"];

    /// <summary>True when one directory is the other or holds it: the till's mirror must be neither (the till refuses it too).</summary>
    public static bool Nested(string first, string second, char separator, StringComparison comparison)
    {
        var (a, b) = (first.TrimEnd(separator) + separator, second.TrimEnd(separator) + separator);
        return a.StartsWith(b, comparison) || b.StartsWith(a, comparison);
    }
}
