using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace TillSync.Core.Orders;

/// <summary>SHA-256 over a canonical JSON form of an order's business content: every field but <c>tillSeq</c>, in a
/// fixed order, with quantities normalised (2 = 2.000), times in UTC and an absent loyalty block equal to a zero one.
/// JSON field order and whitespace on the wire therefore never change it; any business field does.</summary>
public static class OrderFingerprint
{
    /// <summary>The fingerprint as 64 lowercase hex characters.</summary>
    public static string Compute(Order order)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(json, order);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteCanonical(Utf8JsonWriter json, Order order)
    {
        json.WriteStartObject();
        json.WriteString("clientOrderId", order.ClientOrderId.ToString("D"));
        json.WriteString("billNo", order.BillNo);
        json.WriteString("createdAt", order.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        WriteCustomer(json, order.Customer);
        json.WriteStartArray("lines");
        foreach (var line in order.Lines)
        {
            json.WriteStartObject();
            json.WriteString("sku", line.Sku);
            json.WriteString("qty", NormalizedQty(line.Qty));
            json.WriteNumber("unitPricePaise", line.UnitPricePaise);
            json.WriteNumber("discountPaise", line.DiscountPaise);
            json.WriteNumber("gstRateBp", line.GstRateBp);
            // Only when set, so that every line of a till before inclusive prices keeps the fingerprint it had.
            if (line.TaxInclusive)
            {
                json.WriteBoolean("taxInclusive", true);
            }

            if (line.MrpPaise is { } mrpPaise)
            {
                json.WriteNumber("mrpPaise", mrpPaise);
            }

            // Only when set, so that every line from before promotions keeps the fingerprint it had.
            if (line.PromotionId is { } promotionId)
            {
                json.WriteNumber("promotionId", promotionId);
                json.WriteNumber("promotionPaise", line.PromotionPaise);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("payments");
        foreach (var payment in order.Payments)
        {
            json.WriteStartObject();
            json.WriteString("method", payment.Method);
            json.WriteNumber("amountPaise", payment.AmountPaise);
            if (payment.Reference is not null)
            {
                // Only when present, so that every payment without one keeps the fingerprint it had before references.
                json.WriteString("reference", payment.Reference);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("loyalty");
        json.WriteNumber("earnPoints", order.Loyalty?.EarnPoints ?? 0);
        json.WriteNumber("burnPoints", order.Loyalty?.BurnPoints ?? 0);
        json.WriteString("redemptionToken", order.Loyalty?.RedemptionToken);
        json.WriteEndObject();
        var totals = order.Totals;
        json.WriteStartObject("totals");
        json.WriteNumber("taxablePaise", totals.TaxablePaise);
        json.WriteNumber("cgstPaise", totals.CgstPaise);
        json.WriteNumber("sgstPaise", totals.SgstPaise);
        json.WriteNumber("igstPaise", totals.IgstPaise);
        json.WriteNumber("roundOffPaise", totals.RoundOffPaise);
        json.WriteNumber("totalPaise", totals.TotalPaise);
        json.WriteEndObject();
        if (order.CashierId is { } cashierId)
        {
            // Only when present, so that a sale from a till before staff keeps the fingerprint it had.
            json.WriteNumber("cashierId", cashierId);
        }

        // Both only when present, so that a sale from a till before pricing versions keeps the fingerprint it had.
        if (order.PricingVersion is { } pricingVersion)
        {
            json.WriteNumber("pricingVersion", pricingVersion);
        }

        if (order.Approval is { } approval)
        {
            json.WriteStartObject("approval");
            json.WriteNumber("approverId", approval.ApproverId);
            json.WriteString("reason", approval.Reason);
            json.WriteEndObject();
        }

        // Only when present, so that a sale from a till before stock versions keeps the fingerprint it had.
        if (order.StockVersion is { } stockVersion)
        {
            json.WriteNumber("stockVersion", stockVersion);
        }

        // Only when present, so that a sale from before promotions keeps the fingerprint it had.
        if (order.BillPromotionId is { } billPromotionId)
        {
            json.WriteStartObject("billPromotion");
            json.WriteNumber("promotionId", billPromotionId);
            json.WriteNumber("amountPaise", order.BillPromotionPaise);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteCustomer(Utf8JsonWriter json, Customer? customer)
    {
        if (customer is null)
        {
            json.WriteNull("customer");
            return;
        }

        json.WriteStartObject("customer");
        json.WriteString("phone", customer.Phone);
        json.WriteString("gstin", customer.Gstin);
        json.WriteString("name", customer.Name);
        json.WriteString("placeOfSupply", customer.PlaceOfSupply);
        // The buyer's address came later (e-invoicing): written only when present, so that every order stored before
        // it keeps the fingerprint it was stored with and its replay still answers "duplicate", not "conflict".
        if (customer.Address1 is not null)
        {
            json.WriteString("address1", customer.Address1);
        }

        if (customer.Location is not null)
        {
            json.WriteString("location", customer.Location);
        }

        if (customer.Pin is { } pin)
        {
            json.WriteNumber("pin", pin);
        }

        json.WriteEndObject();
    }

    /// <summary>The quantity without trailing fraction zeros: 2.500 → "2.5", 2.000 → "2".</summary>
    public static string NormalizedQty(decimal qty) =>
        (qty / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
