using System.CommandLine;

namespace TillSync.Cli.Verbs;

/// <summary>The root command and its verbs.</summary>
public static class TillSyncCommand
{
    /// <summary>The <c>tillsync</c> command line; output goes to <paramref name="console"/>, progress bars of long work
    /// to <paramref name="progress"/> (standard error unless given), so that piped output stays clean.</summary>
    public static RootCommand Create(TextWriter console, TextWriter? progress = null)
    {
        var root = new RootCommand(
            "TillSync: an offline-first point of sale. Tills keep selling without the internet; HQ commits each sale exactly once.");
        root.Subcommands.Add(HqVerb.Create(console));
        root.Subcommands.Add(TillVerb.Create(console, progress ?? Console.Error));
        root.Subcommands.Add(IrpVerb.Create(console));
        root.Subcommands.Add(EInvoiceVerb.Create(console));
        root.Subcommands.Add(Demo.DemoVerb.Create(console));
        root.Subcommands.Add(LedgerVerb.Create(console, progress ?? Console.Error));
        root.Subcommands.Add(GstVerb.Create(console));
        root.Subcommands.Add(SimulateVerb.Create(console, progress ?? Console.Error));
        root.Subcommands.Add(HealthVerb.Create(console));
        return root;
    }
}
