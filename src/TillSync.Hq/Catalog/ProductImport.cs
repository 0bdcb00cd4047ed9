using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.Catalog;

/// <summary><c>POST /api/v1/products/import</c>: a catalogue CSV (<see cref="ProductCsv"/>) sent as JSON
/// (<see cref="ProductImportRequest"/>, since HQ takes writes as JSON only), checked row by row before anything is written.
/// Any bad row refuses the whole file with a 400 problem whose <c>rows</c> name every bad row by its line; otherwise every
/// row is upserted by SKU in one transaction, as <c>POST /api/v1/products</c> would, under the request's Idempotency-Key.</summary>
public static class ProductImport
{
    /// <summary>Bad rows named in one refusal; a file with more is refused with the first of them.</summary>
    public const int ReportedRowsMax = 200;

    /// <summary>Handles the import.</summary>
    public static async Task<IResult> ImportAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (request, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.ProductImportRequest, Limits.SyncBodyBytesMax, http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        var (rows, fileProblem) = ProductCsv.Read(request.Csv ?? "");
        if (fileProblem is not null)
        {
            return Problems.BadRequest(fileProblem);
        }

        if (rows.Count is 0 or > Limits.ProductUpsertMax)
        {
            return Problems.BadRequest($"The file must hold 1 to {Limits.ProductUpsertMax} products after its header; it holds {rows.Count}. Nothing was applied.");
        }

        var bad = BadRows(rows);
        if (bad.Count > 0)
        {
            return TypedResults.Problem(
                detail: string.Create(CultureInfo.InvariantCulture,
                    $"{bad.Count}{(bad.Count == ReportedRowsMax ? " or more" : "")} of {rows.Count} rows are bad; nothing was applied. First: line {bad[0].Line}: {bad[0].Problem}."),
                statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["rows"] = bad });
        }

        var products = rows.Select(r => r.Product!).ToList();
        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            await ProductEndpoints.SaveAsync(database.Engine, connection, transaction, products, http.Caller().Name, "products.import", time.GetUtcNow(), http.RequestAborted);
            return TypedResults.Ok(new ProductUpsertResult(products.Count));
        });
    }

    // Every row's own problem, and a SKU written twice (the second and later rows).
    private static List<ProductImportRowProblem> BadRows(IReadOnlyList<ProductCsv.Row> rows)
    {
        var bad = new List<ProductImportRowProblem>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var problem = row.Problem;
            if (problem is null && !firstLine.TryAdd(row.Sku!, row.Line))
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"SKU {row.Sku} is already on line {firstLine[row.Sku!]}");
            }

            if (problem is not null)
            {
                bad.Add(new ProductImportRowProblem(row.Line, row.Sku, problem));
                if (bad.Count == ReportedRowsMax)
                {
                    break;
                }
            }
        }

        return bad;
    }
}
