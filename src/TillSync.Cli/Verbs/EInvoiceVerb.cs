using System.CommandLine;
using TillSync.Core.EInvoicing;
using TillSync.Core.Tax;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync einvoice irn</c>: prints the IRN a document will get, computed offline with the IRP's formula.</summary>
public static class EInvoiceVerb
{
    /// <summary>The verb and its sub-verb.</summary>
    public static Command Create(TextWriter console)
    {
        var gstin = new Option<string>("--gstin") { Description = "The seller's GSTIN (15 characters).", Required = true };
        var date = new Option<string>("--date") { Description = "The document date, dd/MM/yyyy.", Required = true };
        var type = new Option<string>("--type") { Description = "INV (invoice), CRN (credit note) or DBN (debit note).", DefaultValueFactory = _ => "INV" };
        var number = new Option<string>("--no") { Description = "The document number, e.g. T01/2627/000042.", Required = true };
        var sandbox = new Option<bool>("--sandbox")
        {
            Description = "Accept, with a warning, a GSTIN that fits the e-invoice schema's pattern but fails the check character, as the test GSTINs NIC's sandbox hands out do.",
        };
        var irn = new Command("irn", "Print the IRN of a document: SHA-256 of GSTIN + financial year + type + upper-case number.")
        {
            gstin, date, type, number, sandbox,
        };
        irn.SetAction(async (parse, cancellationToken) =>
        {
            var (value, problem, warning) = Compute(parse.GetValue(gstin)!, parse.GetValue(date)!, parse.GetValue(type)!, parse.GetValue(number)!,
                parse.GetValue(sandbox));
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync($"einvoice irn: {problem}");
                return 2;
            }

            if (warning is not null)
            {
                await Console.Error.WriteLineAsync($"einvoice irn: warning: {warning}");
            }

            await console.WriteLineAsync(value);
            return 0;
        });
        return new Command("einvoice", "E-invoice tools that work offline.") { irn };
    }

    /// <summary>The IRN, or why the input cannot have one; with <paramref name="sandbox"/>, a GSTIN that only fits the
    /// schema's pattern gets its IRN and a warning (the IRN hashes the text, whatever its check character).</summary>
    public static (string? Irn, string? Problem, string? Warning) Compute(string gstin, string date, string type, string number, bool sandbox = false)
    {
        string? warning = null;
        if (!Gstin.IsValid(gstin))
        {
            if (!sandbox || !Gstin.FitsSchema(gstin))
            {
                return (null, $"--gstin '{gstin}' is not a valid GSTIN (15 characters: state code, PAN, entity, 'Z', check character)"
                    + (sandbox ? " and does not fit the e-invoice schema's pattern either." : "; a sandbox test GSTIN needs --sandbox."), null);
            }

            warning = $"--gstin '{gstin}' fails the GSTIN check character; computed as given, as NIC's sandbox accepts it.";
        }

        if (!DocumentDates.TryParse(date, out var documentDate))
        {
            return (null, $"--date '{date}' is not a date in dd/MM/yyyy.", null);
        }

        if (!DocumentTypes.TryParse(type.ToUpperInvariant(), out var documentType))
        {
            return (null, $"--type '{type}' is not INV, CRN or DBN.", null);
        }

        return DocumentNumbers.IsWellFormed(number)
            ? (Irn.Compute(gstin, documentDate, documentType, number), null, warning)
            : (null, $"--no '{number}' is not a document number: 1 to 16 letters, digits, '/' or '-', not starting with 0, '/' or '-'.", null);
    }
}
