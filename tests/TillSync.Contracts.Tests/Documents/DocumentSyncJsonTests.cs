// Proves the v2 sync contract in JSON: a sale document carries the v1 order unchanged, a return document round-trips,
// and a kind this version does not know still parses (its id and tillSeq readable) so HQ can answer it per document.
// How: hand-written bodies parsed field by field, and a round-trip property over arbitrary sale documents.
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tests.Sync;

namespace TillSync.Contracts.Tests.Documents;

public sealed class DocumentSyncJsonTests
{
    private const string ReturnBody = """
        { "documents": [ {
            "kind": "return", "documentId": "0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c", "tillSeq": 43,
            "return": {
              "creditNoteNo": "T02/2627/C00001", "createdAt": "2026-11-29T11:00:00+05:30",
              "original": { "clientOrderId": "0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", "billNo": "T01/2627/000042", "tillId": 1,
                            "createdAt": "2026-11-28T10:15:00+05:30", "totalPaise": 315000, "source": "receipt_code",
                            "receiptCode": "TS1.abc.def" },
              "lines": [ { "originalLineNo": 1, "sku": "RICE-25KG", "originalQty": 2, "unitPricePaise": 150000,
                           "originalDiscountPaise": 0, "gstRateBp": 500, "qty": 1, "condition": "restock" } ],
              "refunds": [ { "method": "cash", "amountPaise": 157500 } ],
              "totals": { "taxablePaise": 150000, "cgstPaise": 3750, "sgstPaise": 3750, "igstPaise": 0,
                          "roundOffPaise": 0, "totalPaise": 157500 },
              "reason": "defective", "customer": null } } ] }
        """;

    private static DocumentSyncRequest Parse(string json) => JsonSerializer.Deserialize(json, TillSyncJsonContext.Default.DocumentSyncRequest)!;

    private static string Write(DocumentSyncRequest request) => JsonSerializer.Serialize(request, TillSyncJsonContext.Default.DocumentSyncRequest);

    [Fact]
    public void ReturnDocument_Parses_EveryField()
    {
        var document = Assert.Single(Parse(ReturnBody).Documents);

        Assert.Equal((DocumentKinds.Return, 43L), (document.Kind, document.TillSeq));
        Assert.Null(document.Sale);
        var body = document.Return!;
        Assert.Equal("T02/2627/C00001", body.CreditNoteNo);
        Assert.Equal(new ReturnOriginalDto(Guid.Parse("0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"), "T01/2627/000042", 1,
            new DateTimeOffset(2026, 11, 28, 10, 15, 0, new TimeSpan(5, 30, 0)), 315_000, ReturnSources.ReceiptCode, "TS1.abc.def"), body.Original);
        Assert.Equal(new ReturnLineDto(1, "RICE-25KG", 2m, 150_000, 0, 500, 1m, ReturnConditions.Restock), Assert.Single(body.Lines));
        Assert.Equal(new RefundDto(RefundMethods.Cash, 157_500), Assert.Single(body.Refunds));
        Assert.Equal(new OrderTotalsDto(150_000, 3_750, 3_750, 0, 0, 157_500), body.Totals);
        Assert.Equal(ReturnReasons.Defective, body.Reason);
        Assert.Null(body.Loyalty);
    }

    [Fact]
    public void ReturnDocument_RewritesToTheSameJson()
    {
        var expected = JsonNode.Parse(ReturnBody);

        var actual = JsonNode.Parse(Write(Parse(ReturnBody)));

        Assert.True(JsonNode.DeepEquals(expected, actual), actual!.ToJsonString());
    }

    [Fact]
    public void SaleDocument_CarriesTheV1OrderByteForByte()
    {
        DtoGen.Order.Sample(order =>
        {
            var document = new TillDocumentDto(DocumentKinds.Sale, order.ClientOrderId, order.TillSeq, Sale: order);
            var json = JsonNode.Parse(Write(new DocumentSyncRequest([document])))!["documents"]![0]!.AsObject();

            Assert.Equal(["documentId", "kind", "sale", "tillSeq"], json.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(order, TillSyncJsonContext.Default.OrderDto)), json["sale"]));
            var parsed = Parse(Write(new DocumentSyncRequest([document]))).Documents[0].Sale!;
            Assert.Equal(JsonSerializer.Serialize(order, TillSyncJsonContext.Default.OrderDto), JsonSerializer.Serialize(parsed, TillSyncJsonContext.Default.OrderDto));
        });
    }

    [Fact]
    public void UnknownKind_ParsesWithItsIdAndSequenceAndNoBody()
    {
        const string body = """
            { "documents": [ { "kind": "stock_count", "documentId": "0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2d", "tillSeq": 44,
                               "stockCount": { "countNo": 3 } } ] }
            """;

        var document = Assert.Single(Parse(body).Documents);

        Assert.Equal(("stock_count", 44L), (document.Kind, document.TillSeq));
        Assert.Equal(Guid.Parse("0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2d"), document.DocumentId);
        Assert.Null(document.Sale);
        Assert.Null(document.Return);
        Assert.Null(document.Damaged);
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("documentId")]
    [InlineData("tillSeq")]
    public void Document_WithoutARequiredField_IsRefused(string field)
    {
        var json = JsonNode.Parse(ReturnBody)!;
        json["documents"]![0]!.AsObject().Remove(field);

        Assert.Throws<JsonException>(() => Parse(json.ToJsonString()));
    }
}
