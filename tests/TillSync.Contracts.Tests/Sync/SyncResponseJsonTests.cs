// Proves the sync response contract of docs/sync.md in JSON: status strings, camelCase names and lossless round-trips.
// How: each SyncStatus written and read as its docs/sync.md string, the v1 sample reply parsed, and a round-trip property.
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using TillSync.Contracts.Sync;

namespace TillSync.Contracts.Tests.Sync;

public sealed class SyncResponseJsonTests
{
    private static SyncResponse Parse(string json) => JsonSerializer.Deserialize(json, TillSyncJsonContext.Default.SyncResponse)!;

    private static string Write(SyncResponse response) => JsonSerializer.Serialize(response, TillSyncJsonContext.Default.SyncResponse);

    [Theory]
    [InlineData(SyncStatus.Created, "created")]
    [InlineData(SyncStatus.Duplicate, "duplicate")]
    [InlineData(SyncStatus.Conflict, "conflict")]
    [InlineData(SyncStatus.Rejected, "rejected")]
    [InlineData(SyncStatus.NotProcessed, "not_processed")]
    public void SyncStatus_EachValue_IsWrittenAndReadAsDesignString(SyncStatus status, string wire)
    {
        var response = new SyncResponse([Result(status)], 43);

        var json = JsonNode.Parse(Write(response))!;

        Assert.Equal(wire, json["results"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(status, Assert.Single(Parse(json.ToJsonString()).Results).Status);
    }

    [Fact]
    public void SyncStatus_EveryValue_HasAWireString()
    {
        Assert.All(Enum.GetValues<SyncStatus>(), status =>
        {
            var json = JsonSerializer.Serialize(status, TillSyncJsonContext.Default.SyncStatus);

            Assert.Matches("^\"[a-z_]+\"\\z", json);
        });
    }

    [Theory]
    [InlineData("\"Created\"")]
    [InlineData("\"notProcessed\"")]
    [InlineData("\"done\"")]
    [InlineData("null")]
    public void SyncStatus_UnknownString_FailsWithJsonException(string status)
    {
        var json = JsonNode.Parse(Write(new SyncResponse([Result(SyncStatus.Created)], 2)))!;
        json["results"]![0]!["status"] = JsonNode.Parse(status);

        Assert.Throws<JsonException>(() => Parse(json.ToJsonString()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("99")]
    public void SyncStatus_NumberOnWire_FailsWithJsonException(string status)
    {
        // The contract spells statuses as strings; a number would let default(SyncStatus) = 0, never a valid status, through.
        var json = JsonNode.Parse(Write(new SyncResponse([Result(SyncStatus.Created)], 2)))!;
        json["results"]![0]!["status"] = JsonNode.Parse(status);

        Assert.Throws<JsonException>(() => Parse(json.ToJsonString()));
    }

    [Fact]
    public void SyncResponse_DesignSample_DeserializesEveryField()
    {
        // docs/sync.md's reply, with its elided id and time filled in.
        const string sample = """
            { "results": [ { "clientOrderId": "0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", "tillSeq": 42, "status": "created",
                             "billNo": "T01/2526/000042", "committedAt": "2026-11-28T10:15:02+05:30", "replayed": false,
                             "flags": ["stock_short"], "reason": null, "expectedSeq": null, "detail": null } ],
              "nextSeq": 43 }
            """;

        var response = Parse(sample);

        Assert.Equal(43, response.NextSeq);
        var result = Assert.Single(response.Results);
        Assert.Equal(Guid.Parse("0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"), result.ClientOrderId);
        Assert.Equal(42, result.TillSeq);
        Assert.Equal(SyncStatus.Created, result.Status);
        Assert.Equal("T01/2526/000042", result.BillNo);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 15, 2, new TimeSpan(5, 30, 0)), result.CommittedAt);
        Assert.False(result.Replayed);
        Assert.Equal([OrderFlags.StockShort], result.Flags);
        Assert.Null(result.Reason);
        Assert.Null(result.ExpectedSeq);
        Assert.Null(result.Detail);
    }

    [Fact]
    public void SyncResponse_Written_UsesDesignPropertyNames()
    {
        var json = JsonNode.Parse(Write(new SyncResponse([Result(SyncStatus.NotProcessed)], 43)))!.AsObject();

        Assert.Equal(["nextSeq", "results"], [.. json.Select(p => p.Key).Order(StringComparer.Ordinal)]);
        Assert.Equal(
            ["billNo", "clientOrderId", "committedAt", "detail", "expectedSeq", "flags", "reason", "replayed", "status", "tillSeq"],
            [.. json["results"]![0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)]);
    }

    [Fact]
    public void SyncResponse_AnyResults_RoundTripsThroughJson()
    {
        DtoGen.Response.Sample(response =>
        {
            var json = Write(response);
            var parsed = Parse(json);

            Assert.Equal(json, Write(parsed));
            Assert.Equal(response.NextSeq, parsed.NextSeq);
            Assert.Equal(response.Results.Count, parsed.Results.Count);
            for (var i = 0; i < response.Results.Count; i++)
            {
                var (expected, actual) = (response.Results[i], parsed.Results[i]);
                Assert.Equal(expected.Flags, actual.Flags);
                Assert.Equal(expected.CommittedAt?.Offset, actual.CommittedAt?.Offset);
                // With the flags list made the same instance, the records compare every other field by value.
                Assert.Equal(expected, actual with { Flags = expected.Flags });
            }
        }, iter: 500);
    }

    [Fact]
    public void SyncResponse_MissingNextSeq_FailsWithJsonException()
    {
        Assert.Throws<JsonException>(() => Parse("""{ "results": [] }"""));
    }

    [Fact]
    public void SyncResponse_ResultMissingStatus_FailsWithJsonException()
    {
        var json = JsonNode.Parse(Write(new SyncResponse([Result(SyncStatus.Created)], 2)))!;
        json["results"]![0]!.AsObject().Remove("status");

        Assert.Throws<JsonException>(() => Parse(json.ToJsonString()));
    }

    private static SyncResult Result(SyncStatus status) =>
        new(
            ClientOrderId: Guid.Parse("0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"), TillSeq: 42, Status: status, BillNo: "T01/2627/000042",
            CommittedAt: new DateTimeOffset(2026, 11, 28, 10, 15, 2, TimeSpan.Zero), Replayed: false, Flags: [], Reason: null,
            ExpectedSeq: null, Detail: null);
}
