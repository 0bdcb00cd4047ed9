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

    /// <summary>A switch: <c>--name</c> alone (or <c>--name true</c>) turns it on; its twin turns it on with <c>true</c> or <c>1</c>.</summary>
    public static Option<bool> Flag(string name, string environmentVariable, string description) =>
        new(name)
        {
            Description = $"{description} [env: {environmentVariable}=true]",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(environmentVariable) is "true" or "TRUE" or "True" or "1",
        };

    /// <summary>Host names a server answers to besides its loopback names and those in its <c>--urls</c>
    /// (<c>--allowed-hosts</c>; its value is checked by <c>HostAllowList.Parse</c>).</summary>
    public static Option<string> AllowedHosts(string whatAnswers) =>
        Text("--allowed-hosts", "TILLSYNC_ALLOWED_HOSTS", "",
            $"Host names {whatAnswers} answers to besides localhost, 127.0.0.1, [::1] and the hosts in --urls, separated by commas: " +
            "name or name:port, e.g. hq.example.com,192.168.1.10. A request naming any other host in its Host header is refused (421) as DNS rebinding.");

    /// <summary><c>--log-format text|json</c> (<see cref="TillSync.Web.ConsoleLogging"/>).</summary>
    public static Option<string> LogFormat() =>
        Text("--log-format", "TILLSYNC_LOG_FORMAT", "text",
            "How to log to standard output: text (one line per event) or json (one JSON object per line, with each sync's request id and till id as fields).");

    /// <summary>True for <c>json</c>, false for <c>text</c>; a problem for anything else.</summary>
    public static (bool Json, string? Problem) ReadLogFormat(ParseResult parse, Option<string> option)
    {
        var value = parse.GetValue(option)!;
        return TillSync.Web.ConsoleLogging.Formats.Contains(value, StringComparer.Ordinal)
            ? (value == "json", null)
            : (false, $"--log-format takes text or json; got '{value}'.");
    }
}
