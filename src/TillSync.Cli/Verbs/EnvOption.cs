using System.CommandLine;

namespace TillSync.Cli.Verbs;

/// <summary>Options with a <c>TILLSYNC_*</c> environment twin: the command line wins, then the environment, then the default.</summary>
public static class EnvOption
{
    /// <summary>A string option whose default comes from <paramref name="environmentVariable"/> or <paramref name="fallback"/>.</summary>
    public static Option<string> Text(string name, string environmentVariable, string fallback, string description) =>
        new(name)
        {
            Description = $"{description} [env: {environmentVariable}]",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } value ? value : fallback,
        };

    /// <summary>An option for a secret. Its environment twin is read only when the command runs (<see cref="SecretValue"/>),
    /// never as a default, so that <c>--help</c> cannot print the secret.</summary>
    public static Option<string?> Secret(string name, string environmentVariable, string description) =>
        new(name) { Description = $"{description} [env: {environmentVariable}]" };

    /// <summary>The secret from the command line, else from <paramref name="environmentVariable"/>, else null.</summary>
    public static string? SecretValue(ParseResult parse, Option<string?> option, string environmentVariable) =>
        parse.GetValue(option) ?? (Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } value ? value : null);
}
