namespace TillSync.Contracts.Catalog;

/// <summary>A catalogue as CSV, imported whole (<c>POST /api/v1/products/import</c>): every row is checked first and either
/// all are applied, as one upsert by SKU, or none (docs/back-office.md, "Catalogue").</summary>
/// <param name="Csv">The file's text: a header row <c>sku,name,hsn,unit,gst_rate_percent,price_rupees,cost_rupees,mrp_rupees,tax_inclusive,barcode</c>
/// and 1 to <c>Limits.ProductUpsertMax</c> product rows (RFC 4180: a field with a comma, quote or line break is quoted).</param>
public sealed record ProductImportRequest(string Csv);

/// <summary>A row the import refused, as the <c>rows</c> member of its 400 problem.</summary>
/// <param name="Line">The file's line number where the row starts (the header is line 1).</param>
/// <param name="Sku">The row's SKU as written, or null when the row has none.</param>
/// <param name="Problem">What is wrong with it, in words.</param>
public sealed record ProductImportRowProblem(int Line, string? Sku, string Problem);
