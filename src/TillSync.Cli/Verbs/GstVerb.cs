using System.CommandLine;
using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.Gst;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync gst gstr1 --period 112026 --out gstr1.json</c>: a store's GSTR-1 for a month in the GST portal's
/// offline-tool JSON, read through HQ's API with a manager token (docs/gst.md), and whether its figures tie to the
/// journal.</summary>
public static class GstVerb
{
    /// <summary>The verb and its subcommand.</summary>
    public static Command Create(TextWriter console)
    {
        var command = new Command("gst", "GST returns from HQ's books.");
        command.Subcommands.Add(Gstr1Command(console));
        return command;
    }

    private static Command Gstr1Command(TextWriter console)
    {
        var hq = ManagerApi.HqOption();
        var token = ManagerApi.TokenOption();
        var period = new Option<string?>("--period") { Description = "The month, MMYYYY (e.g. 112026 for November 2026). Required." };
        var store = new Option<long?>("--store") { Description = "The store whose GSTIN files. Default: HQ's default store." };
        var output = new Option<string?>("--out") { Description = "Write the JSON to this file instead of standard output." };
        var command = new Command("gstr1", "Write a month's GSTR-1 in the GST portal's offline-tool JSON.") { hq, token.Value, token.File, period, store, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(period) is not { Length: > 0 } month)
            {
                await console.WriteLineAsync("gst gstr1: --period is required: the month as MMYYYY, e.g. 112026 for November 2026.");
                return 2;
            }

            var query = $"?period={Uri.EscapeDataString(month)}"
                + (parse.GetValue(store) is { } storeId ? string.Create(CultureInfo.InvariantCulture, $"&storeId={storeId}") : "");
            return await ManagerApi.RunAsync(console, parse, hq, token, "gst gstr1", async http =>
            {
                using var response = await http.GetAsync(new Uri($"/api/v1/gst/gstr1{query}", UriKind.Relative), cancellationToken);
                await ManagerApi.EnsureSuccessAsync(response, cancellationToken);
                var json = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                using var summaryResponse = await http.GetAsync(new Uri($"/api/v1/gst/gstr1/summary{query}", UriKind.Relative), cancellationToken);
                await ManagerApi.EnsureSuccessAsync(summaryResponse, cancellationToken);
                var summary = (await summaryResponse.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.Gstr1SummaryView, cancellationToken))!;
                if (parse.GetValue(output) is not { } path)
                {
                    await console.WriteLineAsync(System.Text.Encoding.UTF8.GetString(json));
                    return;
                }

                await File.WriteAllBytesAsync(path, json, cancellationToken);
                await console.WriteAsync(Describe(summary, Path.GetFullPath(path)));
            });
        });
        return command;
    }

    /// <summary>What was written, section by section, and whether it ties to the journal.</summary>
    public static string Describe(Gstr1SummaryView summary, string path)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"gst gstr1: GSTR-1 of {summary.Period} for {summary.Gstin} written to {path}");
        foreach (var section in summary.Sections.Append(summary.Net))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {section.Section,-6} {section.Documents,6}  taxable {Rupees(section.TaxablePaise),15}  CGST {Rupees(section.CgstPaise),12}  SGST {Rupees(section.SgstPaise),12}  IGST {Rupees(section.IgstPaise),12}");
        }

        foreach (var series in summary.Documents)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {series.Nature} {series.From} to {series.To}: {series.Total} issued, {series.Cancelled} cancelled, {series.NetIssued} net{(series.Missing > 0 ? $", {series.Missing} numbers not at HQ yet" : "")}");
        }

        text.AppendLine(summary.TiesToJournal
            ? "  ties to the journal: every GST payable account and sales moved by exactly the return's figures (and cancelled bills')"
            : "  does NOT tie to the journal: " + string.Join("; ", summary.Journal.Where(t => t.DifferencePaise != 0)
                .Select(t => $"{t.Account} differs by {Rupees(t.DifferencePaise)}")));
        return text.ToString();
    }

    private static string Rupees(long paise) => TillSync.Core.Money.Paise.ToRupeeString(paise);
}
