// HQ's books as typed calls (trial balance, GST summary, journal) and the real hledger run over the export, so that
// accounting tests compare HQ's own figures with an independent double-entry engine.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using TillSync.Contracts;
using TillSync.Contracts.Accounting;

namespace TillSync.Testing;

/// <summary>The ledger endpoints, called with the admin token.</summary>
public sealed class LedgerClient(HqProcess hq)
{
    private static TillSyncJsonContext Json => TillSyncJsonContext.Default;

    /// <summary>GET of a ledger path with a query, raw.</summary>
    public async Task<HttpResponseMessage> GetRawAsync(string pathAndQuery, string? token = null)
    {
        using var client = hq.CreateClient(token ?? hq.AdminToken);
        return await client.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
    }

    public async Task<TrialBalanceView> TrialBalanceAsync(string? from = null, string? to = null, long? storeId = null) =>
        await Responses.ExpectAsync(await GetRawAsync($"/api/v1/ledger/trial-balance{Query(from, to, storeId)}"), HttpStatusCode.OK,
            Json.TrialBalanceView, hq);

    public async Task<GstSummaryView> GstSummaryAsync(string? from = null, string? to = null, long? storeId = null) =>
        await Responses.ExpectAsync(await GetRawAsync($"/api/v1/ledger/gst-summary{Query(from, to, storeId)}"), HttpStatusCode.OK,
            Json.GstSummaryView, hq);

    public async Task<DaySalesView> DaySalesAsync(string? from = null, string? to = null, long? storeId = null, string? by = null) =>
        await Responses.ExpectAsync(await GetRawAsync($"/api/v1/ledger/day-sales{Query(from, to, storeId, by)}"), HttpStatusCode.OK,
            Json.DaySalesView, hq);

    public async Task<LedgerCheckView> CheckAsync(string? from = null, string? to = null, long? storeId = null) =>
        await Responses.ExpectAsync(await GetRawAsync($"/api/v1/ledger/check{Query(from, to, storeId)}"), HttpStatusCode.OK,
            Json.LedgerCheckView, hq);

    /// <summary>Every journal entry, following the pages.</summary>
    public async Task<IReadOnlyList<JournalEntryView>> JournalAsync(string? from = null, string? to = null)
    {
        var entries = new List<JournalEntryView>();
        long? after = 0;
        while (after is not null)
        {
            var separator = from is null && to is null ? "?" : "&";
            var page = await Responses.ExpectAsync(
                await GetRawAsync($"/api/v1/ledger/journal{Query(from, to)}{separator}after={after}&limit=1000"), HttpStatusCode.OK, Json.JournalPage, hq);
            entries.AddRange(page.Entries);
            after = page.NextAfter;
        }

        return entries;
    }

    /// <summary>The hledger export of a period.</summary>
    public async Task<string> HledgerAsync(string? from = null, string? to = null)
    {
        var separator = from is null && to is null ? "?" : "&";
        var response = await GetRawAsync($"/api/v1/ledger/journal{Query(from, to)}{separator}format=hledger");
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/plain")
        {
            throw Responses.Unexpected(response, body, "expected 200 text/plain", hq);
        }

        return body;
    }

    private static string Query(string? from, string? to, long? storeId = null, string? by = null)
    {
        var parts = new[]
        {
            from is null ? null : $"from={from}",
            to is null ? null : $"to={to}",
            storeId is null ? null : string.Create(CultureInfo.InvariantCulture, $"storeId={storeId}"),
            by is null ? null : $"by={by}",
        }.OfType<string>().ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>The real <c>hledger</c> (Debian's package, which <c>scripts/test.sh</c> installs).</summary>
public static class Hledger
{
    /// <summary>Runs hledger on <paramref name="journalFile"/> with <paramref name="arguments"/>; returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string journalFile, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(journalFile);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary><c>hledger bal --flat -O csv</c>: each account's balance in paise.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> BalancesPaiseAsync(string journalFile, params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(journalFile, ["bal", "--flat", "--no-total", "-O", "csv", .. arguments]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"hledger bal failed ({exitCode}): {output}");
        }

        var balances = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var cells = line.Split("\",\"");
            var account = cells[0].Trim('"');
            var amount = cells[1].Trim('"').Replace(" INR", "", StringComparison.Ordinal);
            balances[account] = checked((long)(decimal.Parse(amount, NumberStyles.Number, CultureInfo.InvariantCulture) * 100));
        }

        return balances;
    }

    private static string Executable()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "hledger");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("hledger is not installed; scripts/test.sh installs Debian's package (apt-get install hledger).");
    }
}
