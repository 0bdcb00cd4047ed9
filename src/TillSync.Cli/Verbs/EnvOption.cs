using System.CommandLine;

namespace TillSync.Cli.Verbs;

/// <summary>Options with a <c>TILLSYNC_*</c> environment twin: the command line wins, then the environment, then the default.</summary>
public static class EnvOption
{
    /// <summary>A string option whose default comes from <paramref name="environmentVariable"/> or <paramref name="fallback"/>.</summary>
    public static Option<string> Text(string name, string environmentVariable, string fallback, string description) =>
        new(name)
        {
            Description = $"{description} [env: {environmentVariable}] [default: {fallback}]",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } value ? value : fallback,
        };

    /// <summary>An optional string option whose default comes from <paramref name="environmentVariable"/>.</summary>
    public static Option<string?> OptionalText(string name, string environmentVariable, string description) =>
        new(name)
        {
            Description = $"{description} [env: {environmentVariable}]",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } value ? value : null,
        };
}
