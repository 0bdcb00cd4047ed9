using System.CommandLine;

namespace TillSync.Cli.Verbs;

/// <summary>A secret taken from, in order: <c>--NAME value</c>, <c>--NAME-file path</c>, the environment variable, or the
/// environment variable <c>…_FILE</c> naming a file. A value on the command line shows in <c>ps</c> to every user of the
/// machine, so the file and the environment are the ways to prefer. The environment is read only when the command runs,
/// never as a default, so that <c>--help</c> cannot print the secret.</summary>
/// <param name="Value">The option that takes the secret itself.</param>
/// <param name="File">The option that takes the path of a file holding it.</param>
/// <param name="EnvironmentVariable">The environment twin of <see cref="Value"/>; <c>…_FILE</c> is that of <see cref="File"/>.</param>
public sealed record SecretOption(Option<string?> Value, Option<string?> File, string EnvironmentVariable)
{
    /// <summary>The longest secret file read: secrets are short, and a wrong path to a large file should fail clearly.</summary>
    public const int FileBytesMax = 64 * 1024;

    /// <summary>The two options for a secret called <paramref name="name"/> (e.g. <c>--admin-token</c>).</summary>
    public static SecretOption Create(string name, string environmentVariable, string description) => new(
        new Option<string?>(name)
        {
            Description = $"{description} Visible to other users in a process listing: prefer {name}-file or the environment. [env: {environmentVariable}]",
        },
        new Option<string?>(name + "-file")
        {
            Description = $"A file holding {name} (surrounding whitespace is ignored); keep it readable by the owner only. [env: {environmentVariable}_FILE]",
        },
        environmentVariable);

    /// <summary>Both options, to add to a command.</summary>
    public IEnumerable<Option> Options => [Value, File];

    /// <summary>The secret, or null when none was given; or a sentence saying what is wrong (both forms given, an unreadable
    /// or empty file). <paramref name="warnings"/> hears of a file that other users may read.</summary>
    public (string? Secret, string? Problem) Read(ParseResult parse, TextWriter warnings)
    {
        var value = parse.GetValue(Value);
        var path = parse.GetValue(File);
        if (value is not null && path is not null)
        {
            return (null, $"give {Value.Name} or {File.Name}, not both.");
        }

        value ??= Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        path ??= value is null && Environment.GetEnvironmentVariable(EnvironmentVariable + "_FILE") is { Length: > 0 } fileFromEnvironment
            ? fileFromEnvironment
            : null;
        return path is null ? (value, null) : ReadFile(path, warnings);
    }

    private (string? Secret, string? Problem) ReadFile(string path, TextWriter warnings)
    {
        var name = File.Name;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return (null, $"{name}: no file at {Path.GetFullPath(path)}.");
            }

            if (info.Length > FileBytesMax)
            {
                return (null, $"{name}: {path} is larger than {FileBytesMax / 1024} KiB; it should hold only the secret.");
            }

            if (!OperatingSystem.IsWindows() && (info.UnixFileMode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            {
                warnings.WriteLine($"warning: {path} can be read by other users; `chmod 600 {path}` keeps the secret yours.");
            }

            var secret = System.IO.File.ReadAllText(path).Trim();
            return secret.Length == 0 ? (null, $"{name}: {path} is empty.") : (secret, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{name}: cannot read {path} ({e.Message}).");
        }
    }
}
