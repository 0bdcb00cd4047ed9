// B2B documents for the simulator tests, made with Core's payload generator: dated today in IST (the simulator
// refuses future dates), with a number no other test uses, between the sample store and two buyers.
using System.Globalization;
using System.Text.Json.Nodes;
using TillSync.Core.EInvoicing;
using TillSync.Core.Orders;
using TillSync.Core.Tax;

namespace TillSync.Irp.Tests.Harness;

/// <summary>A payload with the identity the simulator will give it.</summary>
public sealed record Document(EInvoicePayload Payload, EInvoiceDocumentType Type, string Number, DateOnly Date)
{
    /// <summary>The payload as NIC JSON.</summary>
    public string Json => Payload.ToJson();

    /// <summary>The IRN by Core's formula.</summary>
    public string Irn => TillSync.Core.EInvoicing.Irn.Compute(Payload.Seller.Gstin, Date, Type, Number);

    /// <summary>The payload as a JSON tree, to corrupt one field.</summary>
    public JsonObject Tree() => JsonNode.Parse(Json)!.AsObject();
}

public static class Documents
{
    public static readonly SellerDetails Store =
        new("29AABCH1234K1ZN", "Hello Retail Private Limited", "Hello Mart", "12, 100 Feet Road, Indiranagar", "Bengaluru", 560038, "29");

    public static readonly BuyerDetails LocalBuyer =
        new("29AAACR5055K1Z3", "Rao Caterers Private Limited", "29", "45, 2nd Cross, Jayanagar", "Bengaluru", 560041, "29");

    public static readonly BuyerDetails OutOfStateBuyer =
        new("27AAACS7319F1ZE", "Shah Electronics Private Limited", "27", "Unit 7, Andheri Industrial Estate", "Mumbai", 400053, "27");

    private static int counter;

    /// <summary>Today in IST, by the machine's clock (the simulator's clock only ever runs ahead of it).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(BillNumber.IstOffset).DateTime);

    /// <summary>An invoice of two lines from the store to <paramref name="buyer"/> (the local buyer when null).</summary>
    public static Document Invoice(BuyerDetails? buyer = null, EInvoiceTransport? transport = null)
    {
        buyer ??= LocalBuyer;
        EInvoiceLine[] lines =
        [
            new("Basmati Rice 25 kg bag", "10063020", 4m, "BAG", 150_000, 0, 500),
            new("Mixer Grinder 750W", "85094010", 1m, "NOS", 349_900, 10_000, 1800),
        ];
        var kind = buyer.PlaceOfSupply == Gstin.StateCode(Store.Gstin) ? SupplyKind.IntraState : SupplyKind.InterState;
        var totals = OrderTotals.Compute(lines.Select(l => new OrderLine("SKU", l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, l.TaxInclusive)).ToList(), kind);
        var number = string.Create(CultureInfo.InvariantCulture,
            $"T{Interlocked.Increment(ref counter)}/{Random.Shared.Next(100_000_000, 999_999_999)}");
        var document = new EInvoiceDocument(EInvoiceDocumentType.Invoice, number, Today, totals.RoundOffPaise, totals.TotalPaise);
        return new Document(EInvoicePayload.For(Store, buyer, document, lines, transport), document.Type, number, document.Date);
    }

    /// <summary>A credit note to the local buyer taking back one of three bags of rice of invoice
    /// <paramref name="originalNumber"/> dated <paramref name="originalDate"/>, its line refunded pro rata.</summary>
    public static Document CreditNote(string originalNumber, DateOnly originalDate)
    {
        EInvoiceLine[] lines = [new("Basmati Rice 25 kg bag", "10063020", 1m, "BAG", 150_000, 3_000, 500, OriginalQty: 3m)];
        var totals = BillTotals.Of(lines.Select(l => l.Tax(SupplyKind.IntraState)));
        var number = string.Create(CultureInfo.InvariantCulture, $"C{Interlocked.Increment(ref counter)}/{Random.Shared.Next(100_000_000, 999_999_999)}");
        var document = new EInvoiceDocument(EInvoiceDocumentType.CreditNote, number, Today, totals.RoundOffPaise, totals.TotalPaise,
            new OriginalInvoice(originalNumber, originalDate));
        return new Document(EInvoicePayload.For(Store, LocalBuyer, document, lines), document.Type, number, document.Date);
    }
}
