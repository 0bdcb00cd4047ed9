using System.CommandLine;
using TillSync.Storage;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync hq backup|restore</c> and <c>tillsync till backup|restore</c>: one file holding the server's whole
/// SQLite store. A backup runs while the server serves; a restore needs it stopped (docs/operations.md). HQ on PostgreSQL
/// is backed up with <c>pg_dump</c> or point-in-time recovery instead.</summary>
public static class BackupVerbs
{
    /// <summary>The two subcommands for the server <paramref name="server"/> (<c>hq</c>, <c>till</c>) whose database is
    /// <paramref name="databaseFileName"/> in the directory <c>--data</c> names (default <paramref name="defaultData"/>).</summary>
    public static IEnumerable<Command> Create(string server, string databaseFileName, string defaultData, TextWriter console)
    {
        yield return Backup(server, databaseFileName, defaultData, console);
        yield return Restore(server, databaseFileName, defaultData, console);
    }

    private static Command Backup(string server, string databaseFileName, string defaultData, TextWriter console)
    {
        var data = DataOption(databaseFileName, defaultData);
        var output = new Option<string>("--out") { Description = "The backup file to write; it must not exist.", Required = true };
        var command = new Command("backup", $"Copy the {server}'s {databaseFileName} to one file, consistent, while it keeps serving.") { data, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var database = Path.Combine(parse.GetValue(data)!, databaseFileName);
            var backupFile = parse.GetValue(output)!;
            if (await SqliteBackup.BackupAsync(database, backupFile, cancellationToken) is { } problem)
            {
                await Console.Error.WriteLineAsync($"{server} backup: {problem}");
                return 1;
            }

            await console.WriteLineAsync($"{server} backup: {database} copied to {Path.GetFullPath(backupFile)} ({new FileInfo(backupFile).Length} bytes, integrity ok)");
            return 0;
        });
        return command;
    }

    private static Command Restore(string server, string databaseFileName, string defaultData, TextWriter console)
    {
        var data = DataOption(databaseFileName, defaultData);
        var from = new Option<string>("--from") { Description = "The backup file to restore.", Required = true };
        var command = new Command("restore",
            $"Replace the {server}'s {databaseFileName} with a backup. Stop the {server} first; start it again afterwards.") { data, from };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var database = Path.Combine(parse.GetValue(data)!, databaseFileName);
            if (await SqliteBackup.RestoreAsync(parse.GetValue(from)!, database, cancellationToken) is { } problem)
            {
                await Console.Error.WriteLineAsync($"{server} restore: {problem} Nothing was changed.");
                return 1;
            }

            await console.WriteLineAsync($"{server} restore: {Path.GetFullPath(database)} restored from {parse.GetValue(from)}; start the {server} again.");
            return 0;
        });
        return command;
    }

    private static Option<string> DataOption(string databaseFileName, string defaultData) =>
        EnvOption.Text("--data", "TILLSYNC_DATA", defaultData, $"The directory holding {databaseFileName}.");
}
