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
        var irn = new Command("irn", "Print the IRN of a document: SHA-256 of GSTIN + financial year + type + upper-case number.")
        {
            gstin, date, type, number,
        };
        irn.SetAction(async (parse, cancellationToken) =>
        {
            var (value, problem) = Compute(parse.GetValue(gstin)!, parse.GetValue(date)!, parse.GetValue(type)!, parse.GetValue(number)!);
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync($"einvoice irn: {problem}");
                return 2;
            }

            await console.WriteLineAsync(value);
            return 0;
        });
        return new Command("einvoice", "E-invoice tools that work offline.") { irn };
    }

    /// <summary>The IRN, or why the input cannot have one.</summary>
    public static (string? Irn, string? Problem) Compute(string gstin, string date, string type, string number)
    {
        if (!Gstin.IsValid(gstin))
        {
            return (null, $"--gstin '{gstin}' is not a valid GSTIN (15 characters: state code, PAN, entity, 'Z', check character).");
        }

        if (!DocumentDates.TryParse(date, out var documentDate))
        {
            return (null, $"--date '{date}' is not a date in dd/MM/yyyy.");
        }

        if (!DocumentTypes.TryParse(type.ToUpperInvariant(), out var documentType))
        {
            return (null, $"--type '{type}' is not INV, CRN or DBN.");
        }

        return DocumentNumbers.IsWellFormed(number)
            ? (Irn.Compute(gstin, documentDate, documentType, number), null)
            : (null, $"--no '{number}' is not a document number: 1 to 16 letters, digits, '/' or '-', not starting with 0, '/' or '-'.");
    }
}
