using System.Globalization;
using System.Text;
using TillSync.Contracts.Catalog;

namespace TillSync.Hq.Catalog;

/// <summary>The catalogue's CSV, as the back office exports it and <c>POST /api/v1/products/import</c> reads it: one header
/// row naming <see cref="Columns"/> in that order, then one product a row (RFC 4180 quoting; a leading byte-order mark and
/// CRLF or LF line ends are accepted). Money in rupees with at most two decimals, the GST rate in percent, the inclusive
/// flag <c>yes</c> or <c>no</c> (empty: a new product is inclusive, an existing one keeps its footing), an empty MRP or
/// barcode for none.</summary>
public static class ProductCsv
{
    /// <summary>The header, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["sku", "name", "hsn", "unit", "gst_rate_percent", "price_rupees", "cost_rupees", "mrp_rupees", "tax_inclusive", "barcode"];

    /// <summary>The export's last column, <c>yes</c> for a retired product. The import accepts a file with it after
    /// <see cref="Columns"/> and ignores it: retiring and bringing back are their own actions.</summary>
    public const string RetiredColumn = "retired";

    /// <summary>A row read from the file: the line it starts on, and either its product or what is wrong with it.</summary>
    public sealed record Row(int Line, string? Sku, ProductDto? Product, string? Problem);

    /// <summary>The rows of <paramref name="csv"/> after its header, each read on its own; a problem with the file as a whole
    /// (no header, a wrong header, a quote never closed) instead of the rows.</summary>
    public static (IReadOnlyList<Row> Rows, string? FileProblem) Read(string csv)
    {
        var (records, unclosedAt) = Records(csv);
        if (unclosedAt is { } line)
        {
            return ([], string.Create(CultureInfo.InvariantCulture, $"line {line}: a quoted field is never closed; nothing was applied."));
        }

        var header = records.Count == 0 ? [] : records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var fieldCount = header.SequenceEqual(Columns) ? Columns.Count
            : header.SequenceEqual([.. Columns, RetiredColumn]) ? Columns.Count + 1
            : 0;
        if (fieldCount == 0)
        {
            return ([], $"line 1 must be the header {string.Join(',', Columns)} (with {RetiredColumn} after it, as exported, or not); nothing was applied.");
        }

        return ([.. records.Skip(1).Where(r => !(r.Fields.Count == 1 && r.Fields[0].Length == 0)).Select(r => ToRow(r, fieldCount))], null);
    }

    private static Row ToRow((int Line, List<string> Fields) record, int fieldCount)
    {
        var f = record.Fields;
        var sku = f[0].Trim();
        Row Bad(string problem) => new(record.Line, sku.Length == 0 ? null : sku, null, problem);
        if (f.Count != fieldCount)
        {
            return Bad(string.Create(CultureInfo.InvariantCulture, $"has {f.Count} fields, not {fieldCount}"));
        }

        if (Paise(f[5]) is not { } pricePaise)
        {
            return Bad($"price_rupees '{Cut(f[5])}' is not an amount in rupees such as 45 or 45.50");
        }

        if (Paise(f[6]) is not { } costPaise)
        {
            return Bad($"cost_rupees '{Cut(f[6])}' is not an amount in rupees such as 32 or 32.75");
        }

        long? mrpPaise = null;
        if (f[7].Trim().Length > 0)
        {
            if (Paise(f[7]) is not { } mrp)
            {
                return Bad($"mrp_rupees '{Cut(f[7])}' is not an amount in rupees (leave it empty for no MRP)");
            }

            mrpPaise = mrp;
        }

        if (RateBp(f[4]) is not { } rateBp)
        {
            return Bad($"gst_rate_percent '{Cut(f[4])}' is not a rate in percent such as 5, 18 or 0.25");
        }

        // An empty cell says nothing: the product keeps its footing, or a new one is inclusive (ProductFooting).
        var inclusiveCell = f[8].Trim().ToLowerInvariant();
        bool? inclusive = inclusiveCell switch { "yes" or "true" => true, "no" or "false" => false, _ => null };
        if (inclusive is null && inclusiveCell.Length > 0)
        {
            return Bad($"tax_inclusive '{Cut(f[8])}' must be yes or no (or empty: a new product's price includes GST, an existing one keeps its footing)");
        }

        var barcode = f[9].Trim();
        var product = new ProductDto(sku, f[1], f[2].Trim(), f[3].Trim().ToUpperInvariant(), rateBp, pricePaise, costPaise,
            barcode.Length == 0 ? null : barcode, mrpPaise, inclusive);
        return ProductRules.RowProblem(product) is { } problem ? Bad(problem) : new Row(record.Line, sku, product, null);
    }

    // Rupees with at most two decimals as paise, or null for anything else (a sign, grouping, a currency symbol).
    private static long? Paise(string field) => Hundredths(field, 14) is { } paise ? (long)paise : null;

    // A rate in percent with at most two decimals as basis points.
    private static int? RateBp(string field) => Hundredths(field, 6) is { } bp ? (int)bp : null;

    // A plain decimal of at most lengthMax characters and two decimals, times a hundred.
    private static decimal? Hundredths(string field, int lengthMax)
    {
        var s = field.Trim();
        return s.Length > 0 && s.Length <= lengthMax && decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && decimal.Round(value, 2) == value
            ? value * 100
            : null;
    }

    private static string Cut(string text) => text.Length <= 20 ? text : text[..20] + "…";

    // RFC 4180 records, each with the line it starts on; the line of a quoted field left open, if any.
    private static (List<(int Line, List<string> Fields)> Records, int? UnclosedAt) Records(string csv)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var quoteLine = 0;
        var i = csv.Length > 0 && csv[0] == '\uFEFF' ? 1 : 0;
        for (; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
                quoteLine = line;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add((recordLine, fields));
                fields = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            return (records, quoteLine);
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        return (records, null);
    }
}
