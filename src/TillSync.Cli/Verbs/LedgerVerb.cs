using System.CommandLine;
using System.Globalization;
using System.Text;
using TillSync.Contracts;
using TillSync.Contracts.Accounting;
using TillSync.Core.Money;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync ledger export</c> and <c>tillsync ledger trial-balance</c>: HQ's books for an accountant, read
/// through HQ's API with a manager token.</summary>
public static class LedgerVerb
{
    /// <summary>The verb and its subcommands.</summary>
    public static Command Create(TextWriter console, TextWriter progress)
    {
        var command = new Command("ledger", "HQ's books: export the journal for hledger, or print the trial balance.");
        command.Subcommands.Add(ExportCommand(console, progress));
        command.Subcommands.Add(TrialBalanceCommand(console));
        return command;
    }

    private sealed record Connection(Option<string> Hq, SecretOption Token, Option<string?> From, Option<string?> To, Option<long?> Store)
    {
        public static Connection Create() => new(
            ManagerApi.HqOption(),
            ManagerApi.TokenOption(),
            new Option<string?>("--from") { Description = "First business date, yyyy-MM-dd (IST). Default: the beginning." },
            new Option<string?>("--to") { Description = "Last business date, yyyy-MM-dd (IST). Default: up to now." },
            new Option<long?>("--store") { Description = "One store's books. Default: the whole chain." });

        public IEnumerable<Option> All => [Hq, Token.Value, Token.File, From, To, Store];

        public string Query(ParseResult parse, params string[] extra)
        {
            var parts = new List<string>(extra);
            if (parse.GetValue(From) is { } from) parts.Add($"from={Uri.EscapeDataString(from)}");
            if (parse.GetValue(To) is { } to) parts.Add($"to={Uri.EscapeDataString(to)}");
            if (parse.GetValue(Store) is { } store) parts.Add(string.Create(CultureInfo.InvariantCulture, $"storeId={store}"));
            return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
        }
    }

    private static Command ExportCommand(TextWriter console, TextWriter progress)
    {
        var connection = Connection.Create();
        var format = new Option<string>("--format") { Description = "Journal format; only hledger is supported.", DefaultValueFactory = _ => "hledger" };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Export the journal as an hledger file (check it with `hledger -f FILE check --strict`).") { format, output };
        foreach (var option in connection.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(format) != "hledger")
            {
                await console.WriteLineAsync($"ledger export: format '{parse.GetValue(format)}' is not supported; use --format hledger.");
                return 2;
            }

            return await RunAsync(console, connection, parse, "ledger export", async http =>
            {
                var trialBalance = await ReadAsync(http, $"/api/v1/ledger/trial-balance{connection.Query(parse)}", cancellationToken);
                using var response = await http.GetAsync(new Uri($"/api/v1/ledger/journal{connection.Query(parse, "format=hledger")}", UriKind.Relative),
                    HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                await ManagerApi.EnsureSuccessAsync(response, cancellationToken);
                var path = parse.GetValue(output);
                await using var file = path is null ? null : new StreamWriter(path, false, new UTF8Encoding(false));
                var target = file ?? console;
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
                var bar = new ProgressBar(progress, "exporting", trialBalance.Entries);
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    await target.WriteLineAsync(line);
                    if (line.Length > 0 && char.IsAsciiDigit(line[0]))
                    {
                        bar.Advance();
                    }
                }

                bar.Finish();
                if (path is not null)
                {
                    await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"ledger export: {trialBalance.Entries} entries written to {Path.GetFullPath(path)}"));
                }
            });
        });
        return command;
    }

    private static Command TrialBalanceCommand(TextWriter console)
    {
        var connection = Connection.Create();
        var command = new Command("trial-balance", "Print the trial balance of a period as a table.");
        foreach (var option in connection.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(console, connection, parse, "ledger trial-balance", async http =>
        {
            var trialBalance = await ReadAsync(http, $"/api/v1/ledger/trial-balance{connection.Query(parse)}", cancellationToken);
            await console.WriteAsync(Render(trialBalance));
        }));
        return command;
    }

    /// <summary>A trial balance as a text table with a totals line.</summary>
    public static string Render(TrialBalanceView trialBalance)
    {
        var rows = trialBalance.Rows.Select(r => (r.Account, Amount(r.DebitPaise), Amount(r.CreditPaise), Paise.ToRupeeString(r.BalancePaise))).ToList();
        var width = Math.Max("account".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Account.Length));
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Trial balance {trialBalance.From ?? "(start)"} to {trialBalance.To ?? "(now)"}, {trialBalance.Entries} entries");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"account".PadRight(width)}  {"debit ₹",16}  {"credit ₹",16}  {"balance ₹",16}");
        foreach (var (account, debit, credit, balance) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{account.PadRight(width)}  {debit,16}  {credit,16}  {balance,16}");
        }

        var net = trialBalance.TotalDebitPaise - trialBalance.TotalCreditPaise;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"total".PadRight(width)}  {Paise.ToRupeeString(trialBalance.TotalDebitPaise),16}  {Paise.ToRupeeString(trialBalance.TotalCreditPaise),16}  {Paise.ToRupeeString(net),16}  {(net == 0 ? "balanced" : "DOES NOT BALANCE")}");
        return text.ToString();
    }

    private static string Amount(long paise) => paise == 0 ? "" : Paise.ToRupeeString(paise);

    private static Task<int> RunAsync(TextWriter console, Connection connection, ParseResult parse, string name, Func<HttpClient, Task> body) =>
        ManagerApi.RunAsync(console, parse, connection.Hq, connection.Token, name, body);

    private static async Task<TrialBalanceView> ReadAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        await ManagerApi.EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.TrialBalanceView, cancellationToken))!;
    }
}
