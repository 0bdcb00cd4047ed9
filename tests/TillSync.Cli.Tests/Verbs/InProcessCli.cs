// Runs a `tillsync` command line in the test's own process through the real parser, for what a verb decides before it
// starts anything: help text, refused options, exit codes.
using TillSync.Cli.Verbs;

namespace TillSync.Cli.Tests.Verbs;

/// <summary>The CLI in this process.</summary>
public static class InProcessCli
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code and what the verb wrote (its own errors
    /// included), without the parser's error output.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var parse = TillSyncCommand.Create(output).Parse(args);
        parse.InvocationConfiguration.Output = output;
        parse.InvocationConfiguration.Error = TextWriter.Null;
        var exit = await parse.InvokeAsync();
        return (exit, output.ToString());
    }
}
