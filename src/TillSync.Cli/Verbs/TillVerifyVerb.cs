using System.CommandLine;
using System.Security.Cryptography;
using TillSync.Core.Chain;
using TillSync.Till.Chain;
using TillSync.Till.Receipts;
using TillSync.Till.Storage;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync till verify [--data DIR]</c>: checks a till's document chain end to end (ADR 0016) — each stored
/// document against its hash, each link, each signature with the till's key — and the log against HQ's last signed
/// statement, and names the first broken link. Exit 0 when everything holds, 1 on a break, 2 when there is nothing to
/// check. Reads only: a till may be running on the same directory.</summary>
public static class TillVerifyVerb
{
    /// <summary>The exit code of a broken chain or a log that disagrees with HQ's statement.</summary>
    public const int BrokenExitCode = 1;

    /// <summary>The exit code when there is nothing to check (no database, no key, a file from before the chain).</summary>
    public const int NothingToCheckExitCode = 2;

    /// <summary>The subcommand; the report goes to <paramref name="console"/>, the progress bar to <paramref name="progress"/>.</summary>
    public static Command Create(TextWriter console, TextWriter progress)
    {
        var data = EnvOption.Text("--data", "TILLSYNC_DATA", "./till-data", "The till's data directory (till.db and its receipt key).");
        var command = new Command("verify", "Check the till's signed, hash-chained document log end to end and name the first broken link.") { data };
        command.SetAction(async (parse, cancellationToken) =>
            await RunAsync(parse.GetValue(data)!, console, progress, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string dataDirectory, TextWriter console, TextWriter progress, CancellationToken cancellationToken)
    {
        var keyPath = Path.Combine(dataDirectory, ReceiptKey.FileName);
        if (!File.Exists(Path.Combine(dataDirectory, "till.db")) || !File.Exists(keyPath))
        {
            await console.WriteLineAsync($"till verify: {Path.GetFullPath(dataDirectory)} holds no till (till.db and {ReceiptKey.FileName}).");
            return NothingToCheckExitCode;
        }

        var database = new TillDatabase(dataDirectory);
        var version = await database.VersionAsync(cancellationToken);
        if (version is < TillDatabase.ChainSchemaVersion or > TillDatabase.SchemaVersion)
        {
            await console.WriteLineAsync(version < TillDatabase.ChainSchemaVersion
                ? $"till verify: till.db is of schema {version}, from before the document chain; start the till once to upgrade it."
                : $"till verify: till.db is of schema {version}, newer than this tillsync ({TillDatabase.SchemaVersion}); upgrade tillsync.");
            return NothingToCheckExitCode;
        }

        using var key = ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(keyPath, cancellationToken));
        ProgressBar? bar = null;
        var report = await new TillChain(database).VerifyAsync(key, (walked, total) =>
        {
            bar ??= new ProgressBar(progress, "verifying", total);
            bar.Show(walked);
        }, cancellationToken);
        bar?.Finish();
        await console.WriteAsync(Render(report));
        return report.Holds ? 0 : BrokenExitCode;
    }

    /// <summary>The report as the operator reads it.</summary>
    public static string Render(ChainReport report)
    {
        var text = new System.Text.StringBuilder();
        var before = report.Walked - report.Chained;
        text.AppendLine(report.Break is { } broken
            ? $"till verify: the chain breaks at tillSeq {broken.TillSeq} ({ChainBreaks.Code(broken.Kind)}): {broken.Detail}"
            : $"till verify: {report.Entries} documents, {report.Chained} chained{(before > 0 ? $" ({before} written before the chain began)" : "")}; every link holds.");
        text.AppendLine(report.Statement is not { } statement
            ? "HQ's statement: none kept yet (the till has not synced since the chain began)."
            : report.StatementProblem is { } problem
                ? $"HQ's statement: {problem}."
                : $"HQ's statement: HQ holds seq {statement.TillSeq}{(statement.Hash is null ? "" : $" hash {ChainWalk.Abbreviated(statement.Hash)}")}; this till agrees.");
        return text.ToString();
    }
}
