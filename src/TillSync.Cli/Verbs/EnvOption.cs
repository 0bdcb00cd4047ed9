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

    /// <summary>A secret (<see cref="SecretOption"/>): <c>--NAME</c>, <c>--NAME-file</c> and their two environment twins.</summary>
    public static SecretOption Secret(string name, string environmentVariable, string description) =>
        SecretOption.Create(name, environmentVariable, description);
}
