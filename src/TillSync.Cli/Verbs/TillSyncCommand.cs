using System.CommandLine;

namespace TillSync.Cli.Verbs;

/// <summary>The root command and its verbs.</summary>
public static class TillSyncCommand
{
    /// <summary>The <c>tillsync</c> command line; output goes to <paramref name="console"/>.</summary>
    public static RootCommand Create(TextWriter console)
    {
        var root = new RootCommand(
            "TillSync: an offline-first point of sale. Tills keep selling without the internet; HQ commits each sale exactly once.");
        root.Subcommands.Add(HqVerb.Create(console));
        root.Subcommands.Add(TillVerb.Create(console));
        root.Subcommands.Add(Demo.DemoVerb.Create(console));
        root.Subcommands.Add(SimulateVerb.Create(console, Console.Error));
        return root;
    }
}
