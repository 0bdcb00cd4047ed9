using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Core.Orders;
using TillSync.Core.Receipts;
using TillSync.Core.Tax;
using TillSync.Storage;
using TillSync.Till.Catalog;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Storage;
using TillSync.Till.Sync;

namespace TillSync.Till.Returns;

/// <summary>Finds the sale goods come back from: from the signed code on its receipt (any till of the store, offline — the
/// code is checked with the selling till's public key from the snapshot), from this till's own store by id or bill number,
/// then from its copies of the other tills' signed logs (the store LAN, docs/store-lan.md), or, for another till's bill
/// number it holds no copy of, from HQ while it is reachable. Each line comes with what this till knows was already
/// taken back.</summary>
public sealed class OriginalSales(TillDatabase database, SnapshotStore snapshots, ReceiptKey receiptKey, HqClient hq, LinkState link)
{
    /// <summary>The sale, or a sentence for the cashier.</summary>
    public async Task<(OriginalSale? Sale, string? Problem)> FindAsync(OriginalReference reference, CancellationToken cancellationToken)
    {
        if (snapshots.Current is not { } snapshot)
        {
            return (null, "This till has no catalogue yet: it must reach HQ once before it can take returns.");
        }

        var (sale, problem) = reference switch
        {
            { Code: { Length: > 0 } code } => FromCode(snapshot, code),
            { SaleId: { } id } => await LocalAsync("d.document_id = @key", id.ToString("D"), cancellationToken)
                ?? await FromPeerCopyAsync(snapshot, "document_id = @key", id.ToString("D"), cancellationToken)
                ?? (null, "This till has no sale with that id."),
            { BillNo: { Length: > 0 } billNo } => await LocalAsync("d.kind = 'sale' AND d.number = @key", billNo.Trim().ToUpperInvariant(), cancellationToken)
                ?? await FromPeerCopyAsync(snapshot, "number = @key", billNo.Trim().ToUpperInvariant(), cancellationToken)
                ?? await FromHqAsync(snapshot, billNo.Trim().ToUpperInvariant(), cancellationToken),
            _ => (null, "Scan the receipt's code, type its bill number, or pick the bill from the list."),
        };
        return sale is null ? (null, problem) : (await WithReturnedAsync(sale, cancellationToken), null);
    }

    /// <summary>Quantities already taken back per line of <paramref name="saleId"/>, in thousandths, by line number.</summary>
    public static async Task<Dictionary<int, long>> ReturnedMilliAsync(
        Func<string, (string, object?)[], Task<List<(int LineNo, long Milli)>>> query, Guid saleId) =>
        (await query("SELECT original_line_no, SUM(qty_milli) FROM returned_lines WHERE original_order_id = @id GROUP BY original_line_no",
            [("@id", saleId.ToString("D"))])).ToDictionary(r => r.LineNo, r => r.Milli);

    private async Task<OriginalSale> WithReturnedAsync(OriginalSale sale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var returned = await ReturnedMilliAsync((sql, parameters) => connection.Command(sql).WithAll(parameters)
            .ListAsync(r => (r.GetInt32(0), r.GetInt64(1)), cancellationToken), sale.SaleId);
        var refunded = await RefundedPaiseAsync((sql, parameters) => connection.Command(sql).WithAll(parameters)
            .ListAsync(r => r.GetString(0), cancellationToken), sale.SaleId);
        return WithReturned(sale, returned, refunded);
    }

    /// <summary>What this till's returns of <paramref name="saleId"/> refunded per line of it, by line number: Σ their
    /// credit notes' line refunds, before the round-off (the base of the promotion take-back, docs/returns.md).</summary>
    public static async Task<Dictionary<int, long>> RefundedPaiseAsync(Func<string, (string, object?)[], Task<List<string>>> query, Guid saleId) =>
        (await query("SELECT credit_note_json FROM returns WHERE original_order_id = @id", [("@id", saleId.ToString("D"))]))
            .SelectMany(json => System.Text.Json.JsonSerializer.Deserialize(json, Web.TillJsonContext.Default.CreditNote)!.Refund.Lines)
            .GroupBy(l => l.OriginalLineNo).ToDictionary(g => g.Key, g => g.Aggregate(0L, (sum, l) => checked(sum + l.TotalPaise)));

    /// <summary>The sale with its lines' returned and returnable quantities set from <paramref name="returnedMilli"/>, and
    /// what was refunded for each from <paramref name="refundedPaise"/>.</summary>
    public static OriginalSale WithReturned(OriginalSale sale, IReadOnlyDictionary<int, long> returnedMilli, IReadOnlyDictionary<int, long> refundedPaise) =>
        sale with
        {
            Lines = [.. sale.Lines.Select(l =>
            {
                var returned = returnedMilli.GetValueOrDefault(l.LineNo) / 1_000m;
                return l with { ReturnedQty = returned, ReturnableQty = Math.Max(0, l.Qty - returned), RefundedPaise = refundedPaise.GetValueOrDefault(l.LineNo) };
            })],
        };

    private (OriginalSale?, string?) FromCode(TillSnapshot snapshot, string code)
    {
        var check = ReceiptCode.Read(code, tillId =>
            tillId == snapshot.TillId ? Convert.FromBase64String(receiptKey.PublicKey)
            : snapshot.TillKeys?.FirstOrDefault(k => k.TillId == tillId && k.Algorithm == ReceiptCode.Algorithm) is { } key ? Convert.FromBase64String(key.PublicKey)
            : null);
        if (check.Sale is not { } sold)
        {
            return (null, check.Detail);
        }

        var customer = sold.Customer is { } c ? new CustomerDto(c.Phone, c.Gstin, c.Name, c.PlaceOfSupply) : null;
        return (Build(snapshot, sold.SaleId, sold.BillNo, sold.CreatedAt, sold.TillId, sold.TotalPaise, customer, sold.EarnPoints, sold.BurnPoints,
            [.. sold.Payments.Select(p => new PaymentDto(p.Method, p.AmountPaise))],
            [.. sold.Lines.Select(l => new OrderLineDto(l.Sku, l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, l.TaxInclusive))],
            ReturnSources.ReceiptCode, code.Trim()), null);
    }

    private async Task<(OriginalSale?, string?)?> LocalAsync(string where, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.Command($"SELECT {StoredRow.Columns} FROM sales s JOIN documents d ON d.till_seq = s.till_seq WHERE {where}")
            .With("@key", key).FirstOrDefaultAsync(StoredRow.Read, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var stored = StoredDocument.Check(row);
        if (stored.Damage is not null || snapshots.Current is not { } snapshot)
        {
            return (null, $"This till's stored copy of bill {row.Number} is damaged ({stored.Damage}): scan the code on the customer's receipt instead.");
        }

        var order = System.Text.Json.JsonSerializer.Deserialize(stored.Json, Contracts.TillSyncJsonContext.Default.TillDocumentDto)!.Sale!;
        return (FromOrder(snapshot, order, snapshot.TillId, ReturnSources.Local), null);
    }

    // Another till's sale from this till's copy of its log: accepted only after its hash and its till's signature checked
    // (PeerAcceptance), so it is the selling till's own document, as a receipt code is.
    private async Task<(OriginalSale?, string?)?> FromPeerCopyAsync(TillSnapshot snapshot, string where, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.Command($"SELECT origin_till_id, body_json FROM peer_documents WHERE kind = 'sale' AND {where}")
            .With("@key", key).FirstOrDefaultAsync(r => (TillId: r.GetInt64(0), Body: r.GetString(1)), cancellationToken);
        if (row.Body is null)
        {
            return null;
        }

        var order = System.Text.Json.JsonSerializer.Deserialize(row.Body, Contracts.TillSyncJsonContext.Default.TillDocumentDto)!.Sale!;
        return (FromOrder(snapshot, order, row.TillId, ReturnSources.Peer), null);
    }

    private async Task<(OriginalSale?, string?)> FromHqAsync(TillSnapshot snapshot, string billNo, CancellationToken cancellationToken)
    {
        if (!link.Current.Online)
        {
            return (null, $"This till has no bill {billNo}, and HQ is unreachable: scan the code on the customer's receipt (any till of the store can read it).");
        }

        try
        {
            return await hq.FindSaleAsync(billNo, cancellationToken) is { } found
                ? (FromOrder(snapshot, found.Sale, found.TillId, ReturnSources.Hq), null)
                : (null, $"Neither this till nor HQ has a sale {billNo} in this store.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or HqRefusedException or System.Text.Json.JsonException)
        {
            return (null, $"HQ did not answer for bill {billNo} ({e.Message}): scan the code on the customer's receipt instead.");
        }
    }

    private static OriginalSale FromOrder(TillSnapshot snapshot, OrderDto order, long tillId, string source) =>
        Build(snapshot, order.ClientOrderId, order.BillNo, order.CreatedAt, tillId, order.Totals.TotalPaise, order.Customer,
            order.Loyalty?.EarnPoints ?? 0, order.Loyalty?.BurnPoints ?? 0, order.Payments, order.Lines, source, null) with { BillPromotion = order.BillPromotion };

    private static OriginalSale Build(
        TillSnapshot snapshot, Guid id, string billNo, DateTimeOffset createdAt, long tillId, long totalPaise, CustomerDto? customer, long earn, long burn,
        IReadOnlyList<PaymentDto> payments, IReadOnlyList<OrderLineDto> lines, string source, string? code)
    {
        var products = snapshot.Products.ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var kind = OrderTotals.SupplyKindOf(snapshot.Store.Details.Gstin, customer?.PlaceOfSupply) == SupplyKind.IntraState ? "intra" : "inter";
        return new OriginalSale(id, billNo, createdAt, tillId, totalPaise, kind, customer, earn, burn, payments,
            [.. lines.Select((l, i) =>
            {
                var product = products.GetValueOrDefault(l.Sku);
                return new OriginalLine(i + 1, l.Sku, product?.Name ?? l.Sku, product?.Unit ?? "", product?.Hsn ?? "", l.Qty, l.UnitPricePaise,
                    l.DiscountPaise, l.GstRateBp, 0, l.Qty, l.TaxInclusive, l.PromotionId, l.PromotionPaise ?? 0);
            })],
            source, code);
    }
}
