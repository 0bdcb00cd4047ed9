using System.Text.Json;
using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary>An e-invoice as NIC's schema v1.1 has it (PascalCase NIC names on the wire, absent optional fields
/// omitted). Build one with <see cref="For"/>; write it with <see cref="ToJson"/>.</summary>
/// <param name="Version">Schema version, <see cref="SchemaVersion"/>.</param>
/// <param name="Transaction"><c>TranDtls</c>.</param>
/// <param name="Document"><c>DocDtls</c>.</param>
/// <param name="Seller"><c>SellerDtls</c>.</param>
/// <param name="Buyer"><c>BuyerDtls</c>.</param>
/// <param name="Items"><c>ItemList</c>: 1 to 1000 items.</param>
/// <param name="Values"><c>ValDtls</c>.</param>
/// <param name="References"><c>RefDtls</c>: the original invoice of a credit note; omitted when null.</param>
/// <param name="Transport"><c>EwbDtls</c>: asks for an e-way bill with the IRN; omitted when null.</param>
public sealed record EInvoicePayload(
    [property: JsonPropertyName("Version")] string Version,
    [property: JsonPropertyName("TranDtls")] TransactionDetails Transaction,
    [property: JsonPropertyName("DocDtls")] DocumentDetails Document,
    [property: JsonPropertyName("SellerDtls")] SellerDetails Seller,
    [property: JsonPropertyName("BuyerDtls")] BuyerDetails Buyer,
    [property: JsonPropertyName("ItemList")] IReadOnlyList<InvoiceItem> Items,
    [property: JsonPropertyName("ValDtls")] ValueDetails Values,
    [property: JsonPropertyName("RefDtls")] ReferenceDetails? References = null,
    [property: JsonPropertyName("EwbDtls")] TransportDetails? Transport = null)
{
    /// <summary>The NIC schema version TillSync writes.</summary>
    public const string SchemaVersion = "1.1";

    /// <summary>The payload of a B2B invoice or credit note. Tax per line comes from <see cref="Tax.GstCalculator"/>:
    /// CGST + SGST when the buyer's place of supply is the seller's state (the GSTIN's first two digits), IGST
    /// otherwise. The document's recorded round-off and total must agree with the lines; a disagreement is a bug
    /// upstream and fails <see cref="Invariant.Assert"/>.</summary>
    /// <param name="seller">The store; <see cref="SellerDetails.TradeName"/> may be null.</param>
    /// <param name="buyer">The registered customer; <see cref="BuyerDetails.Pin"/> may be null.</param>
    /// <param name="document">Type, number, date, recorded totals, and for a credit note the original invoice.</param>
    /// <param name="lines">The bill's lines, at least one.</param>
    /// <param name="transport">Transport details for an e-way bill, or null.</param>
    public static EInvoicePayload For(
        SellerDetails seller, BuyerDetails buyer, EInvoiceDocument document, IReadOnlyList<EInvoiceLine> lines,
        EInvoiceTransport? transport = null) =>
        EInvoicePayloadBuilder.Build(seller, buyer, document, lines, transport);

    /// <summary>The payload as NIC JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, EInvoiceJsonContext.Default.EInvoicePayload);

    /// <summary>Reads NIC JSON that has passed <see cref="EInvoiceSchema"/>; throws <see cref="JsonException"/> when
    /// a value does not fit its field (a fractional PIN, say).</summary>
    public static EInvoicePayload FromJson(JsonElement json) =>
        json.Deserialize(EInvoiceJsonContext.Default.EInvoicePayload)
        ?? throw new JsonException("The payload is null.");
}
