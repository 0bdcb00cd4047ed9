// Proves the sync request contract of docs/sync.md in JSON: camelCase names, lossless round-trips, and strict required fields.
// How: the sample body of docs/sync.md parsed field by field, a round-trip property over arbitrary orders, and bodies with a field removed.
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using TillSync.Contracts.Sync;

namespace TillSync.Contracts.Tests.Sync;

public sealed class SyncRequestJsonTests
{
    /// <summary>docs/sync.md's request body, with its elided id, phone and name filled in.</summary>
    public const string DesignSample = """
        { "orders": [ {
            "clientOrderId": "0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", "tillSeq": 42, "billNo": "T01/2526/000042",
            "createdAt": "2026-11-28T10:15:00+05:30",
            "customer": { "phone": "9876543210", "gstin": "29AAACR5055K1Z3", "name": "Rao Caterers", "placeOfSupply": "29" },
            "lines": [ { "sku": "RICE-25KG", "qty": 2, "unitPricePaise": 150000, "discountPaise": 0, "gstRateBp": 500 } ],
            "payments": [ { "method": "cash", "amountPaise": 315000 } ],
            "loyalty": { "earnPoints": 31, "burnPoints": 0, "redemptionToken": null },
            "totals": { "taxablePaise": 300000, "cgstPaise": 7500, "sgstPaise": 7500, "igstPaise": 0,
                        "roundOffPaise": 0, "totalPaise": 315000 } } ] }
        """;

    private static SyncRequest Parse(string json) => JsonSerializer.Deserialize(json, TillSyncJsonContext.Default.SyncRequest)!;

    private static string Write(SyncRequest request) => JsonSerializer.Serialize(request, TillSyncJsonContext.Default.SyncRequest);

    [Fact]
    public void SyncRequest_DesignSample_DeserializesEveryField()
    {
        var order = Assert.Single(Parse(DesignSample).Orders);

        Assert.Equal(Guid.Parse("0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"), order.ClientOrderId);
        Assert.Equal(42, order.TillSeq);
        Assert.Equal("T01/2526/000042", order.BillNo);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 15, 0, new TimeSpan(5, 30, 0)), order.CreatedAt);
        Assert.Equal(new TimeSpan(5, 30, 0), order.CreatedAt.Offset);
        Assert.Equal(new CustomerDto("9876543210", "29AAACR5055K1Z3", "Rao Caterers", "29"), order.Customer);
        Assert.Equal(new OrderLineDto("RICE-25KG", 2m, 150_000, 0, 500), Assert.Single(order.Lines));
        Assert.Equal(new PaymentDto("cash", 315_000), Assert.Single(order.Payments));
        Assert.Equal(new LoyaltyDto(31, 0, null), order.Loyalty);
        Assert.Equal(new OrderTotalsDto(300_000, 7_500, 7_500, 0, 0, 315_000), order.Totals);
    }

    [Fact]
    public void SyncRequest_Written_UsesDesignPropertyNames()
    {
        var json = JsonNode.Parse(Write(Parse(DesignSample)))!.AsObject();
        var order = json["orders"]![0]!.AsObject();

        Assert.Equal(["orders"], Names(json));
        Assert.Equal(["billNo", "clientOrderId", "createdAt", "customer", "lines", "loyalty", "payments", "tillSeq", "totals"], Names(order));
        Assert.Equal(["gstin", "name", "phone", "placeOfSupply"], Names(order["customer"]!.AsObject()));
        Assert.Equal(["discountPaise", "gstRateBp", "qty", "sku", "unitPricePaise"], Names(order["lines"]![0]!.AsObject()));
        Assert.Equal(["amountPaise", "method"], Names(order["payments"]![0]!.AsObject()));
        Assert.Equal(["burnPoints", "earnPoints", "redemptionToken"], Names(order["loyalty"]!.AsObject()));
        Assert.Equal(["cgstPaise", "igstPaise", "roundOffPaise", "sgstPaise", "taxablePaise", "totalPaise"], Names(order["totals"]!.AsObject()));
    }

    [Fact]
    public void SyncRequest_DesignSample_RewritesToTheSameJson()
    {
        var expected = JsonNode.Parse(DesignSample);

        var actual = JsonNode.Parse(Write(Parse(DesignSample)));

        Assert.True(JsonNode.DeepEquals(expected, actual), actual!.ToJsonString());
    }

    [Fact]
    public void SyncRequest_AnyOrders_RoundTripsThroughJson()
    {
        DtoGen.Order.Array[0, 5].Sample(orders =>
        {
            var json = Write(new SyncRequest(orders));
            var parsed = Parse(json);

            Assert.Equal(json, Write(parsed));
            Assert.Equal(orders.Length, parsed.Orders.Count);
            for (var i = 0; i < orders.Length; i++)
            {
                AssertSameOrder(orders[i], parsed.Orders[i]);
            }
        }, iter: 500);
    }

    [Fact]
    public void OrderDto_AnyOrder_RoundTripsThroughJson()
    {
        DtoGen.Order.Sample(order =>
        {
            var json = JsonSerializer.Serialize(order, TillSyncJsonContext.Default.OrderDto);

            AssertSameOrder(order, JsonSerializer.Deserialize(json, TillSyncJsonContext.Default.OrderDto)!);
        }, iter: 500);
    }

    [Theory]
    [InlineData("clientOrderId")]
    [InlineData("tillSeq")]
    [InlineData("billNo")]
    [InlineData("createdAt")]
    [InlineData("lines")]
    [InlineData("payments")]
    [InlineData("totals")]
    public void SyncRequest_OrderMissingRequiredProperty_FailsWithJsonException(string property)
    {
        var json = JsonNode.Parse(DesignSample)!;
        json["orders"]![0]!.AsObject().Remove(property);

        var error = Assert.Throws<JsonException>(() => Parse(json.ToJsonString()));

        Assert.Contains(property, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lines", "sku")]
    [InlineData("lines", "qty")]
    [InlineData("lines", "unitPricePaise")]
    [InlineData("lines", "gstRateBp")]
    [InlineData("payments", "method")]
    [InlineData("payments", "amountPaise")]
    public void SyncRequest_NestedMissingRequiredProperty_FailsWithJsonException(string array, string property)
    {
        var json = JsonNode.Parse(DesignSample)!;
        json["orders"]![0]![array]![0]!.AsObject().Remove(property);

        Assert.Throws<JsonException>(() => Parse(json.ToJsonString()));
    }

    [Fact]
    public void SyncRequest_TotalsMissingTotalPaise_FailsWithJsonException()
    {
        var json = JsonNode.Parse(DesignSample)!;
        json["orders"]![0]!["totals"]!.AsObject().Remove("totalPaise");

        Assert.Throws<JsonException>(() => Parse(json.ToJsonString()));
    }

    [Fact]
    public void SyncRequest_MissingOrders_FailsWithJsonException()
    {
        Assert.Throws<JsonException>(() => Parse("{}"));
    }

    [Theory]
    [InlineData("billNo")]
    [InlineData("lines")]
    [InlineData("payments")]
    [InlineData("totals")]
    public void SyncRequest_NullForNonNullableProperty_FailsWithJsonException(string property)
    {
        var json = JsonNode.Parse(DesignSample)!;
        json["orders"]![0]![property] = null;

        Assert.Throws<JsonException>(() => Parse(json.ToJsonString()));
    }

    [Fact]
    public void SyncRequest_NullSku_FailsWithJsonException()
    {
        var json = JsonNode.Parse(DesignSample)!;
        json["orders"]![0]!["lines"]![0]!["sku"] = null;

        Assert.Throws<JsonException>(() => Parse(json.ToJsonString()));
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("loyalty")]
    public void SyncRequest_NullOptionalBlock_Deserializes(string property)
    {
        var json = JsonNode.Parse(DesignSample)!;
        json["orders"]![0]![property] = null;

        var order = Assert.Single(Parse(json.ToJsonString()).Orders);

        Assert.Null(property == "customer" ? order.Customer : order.Loyalty);
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("loyalty")]
    public void SyncRequest_OptionalBlockLeftOut_DeserializesAsNull(string property)
    {
        var json = JsonNode.Parse(DesignSample)!;
        json["orders"]![0]!.AsObject().Remove(property);

        var order = Assert.Single(Parse(json.ToJsonString()).Orders);

        Assert.Null(property == "customer" ? order.Customer : order.Loyalty);
        Assert.Equal(42, order.TillSeq);
    }

    [Fact]
    public void SyncRequest_CustomerWithPhoneOnly_LeavesOtherFieldsNull()
    {
        var json = JsonNode.Parse(DesignSample)!;
        json["orders"]![0]!["customer"] = new JsonObject { ["phone"] = "9876543210" };
        json["orders"]![0]!["loyalty"] = new JsonObject { ["earnPoints"] = 31, ["burnPoints"] = 0 };

        var order = Assert.Single(Parse(json.ToJsonString()).Orders);

        Assert.Equal(new CustomerDto("9876543210", null, null, null), order.Customer);
        Assert.Equal(new LoyaltyDto(31, 0, null), order.Loyalty);
    }

    [Fact]
    public void SyncRequest_DuplicateProperty_FailsWithJsonException()
    {
        var json = DesignSample.Replace("\"tillSeq\": 42,", "\"tillSeq\": 42, \"tillSeq\": 43,", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => Parse(json));
    }

    [Fact]
    public void SyncRequest_UnknownProperty_IsIgnored()
    {
        // A newer till may send a field this HQ does not know yet; it must not break the sync.
        var json = JsonNode.Parse(DesignSample)!;
        json["orders"]![0]!["cashierName"] = "Asha";

        var order = Assert.Single(Parse(json.ToJsonString()).Orders);

        Assert.Equal(42, order.TillSeq);
    }

    [Theory]
    [InlineData("{ \"orders\": [ { ")]
    [InlineData("[]")]
    [InlineData("{ \"orders\": 5 }")]
    [InlineData("{ \"orders\": [ 5 ] }")]
    public void SyncRequest_MalformedBody_FailsWithJsonException(string json)
    {
        Assert.Throws<JsonException>(() => Parse(json));
    }

    [Fact]
    public void SyncRequest_QtyWithThreeDecimals_KeepsItsScale()
    {
        var json = DesignSample.Replace("\"qty\": 2,", "\"qty\": 1.250,", StringComparison.Ordinal);

        var line = Assert.Single(Assert.Single(Parse(json).Orders).Lines);

        Assert.Equal(1.250m, line.Qty);
        Assert.Equal(3, line.Qty.Scale);
        Assert.Contains("\"qty\":1.250", Write(Parse(json)), StringComparison.Ordinal);
    }

    private static string[] Names(JsonObject obj) => [.. obj.Select(p => p.Key).Order(StringComparer.Ordinal)];

    /// <summary>Field-by-field equality: records holding lists compare those lists by reference, so compare them here.</summary>
    internal static void AssertSameOrder(OrderDto expected, OrderDto actual)
    {
        Assert.Equal(expected.ClientOrderId, actual.ClientOrderId);
        Assert.Equal(expected.TillSeq, actual.TillSeq);
        Assert.Equal(expected.BillNo, actual.BillNo);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.CreatedAt.Offset, actual.CreatedAt.Offset);
        Assert.Equal(expected.Customer, actual.Customer);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Lines.Select(l => l.Qty.Scale), actual.Lines.Select(l => l.Qty.Scale));
        Assert.Equal(expected.Payments, actual.Payments);
        Assert.Equal(expected.Loyalty, actual.Loyalty);
        Assert.Equal(expected.Totals, actual.Totals);
    }
}
