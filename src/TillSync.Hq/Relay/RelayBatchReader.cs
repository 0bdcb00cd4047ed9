using System.Text.Json;
using TillSync.Contracts.Documents;
using TillSync.Core;
using TillSync.Hq.Sync;
using TillSync.Hq.Web;

namespace TillSync.Hq.Relay;

/// <summary>Reads a <c>POST /api/v2/sync/relay</c> body (ADR 0020) into its groups. Each group is shaped as its origin's
/// own <c>POST /api/v2/sync</c> body, so each is cut out of the request as the bytes it came as and read by
/// <see cref="DocumentBatchReader"/>, which hashes every document's exact bytes; the envelope rules of the sync
/// (<see cref="SyncEnvelope"/>) then hold per group. What breaks a rule refuses the whole request with 400 and stores
/// nothing: a relaying till carries only what it verified, so a broken group means a broken or forged relay.</summary>
public static class RelayBatchReader
{
    /// <summary>The groups of <paramref name="body"/>, or the sentence of the 400 that refuses it; <paramref name="relayingTillId"/>
    /// may not relay its own documents.</summary>
    public static (IReadOnlyList<RelayGroup>? Groups, string? Problem) Read(ReadOnlyMemory<byte> body, long relayingTillId)
    {
        var (ranges, problem) = GroupRanges(body.Span);
        if (ranges is null)
        {
            return (null, problem);
        }

        if (ranges.Count is 0 or > Limits.RelayGroupsMax)
        {
            return (null, $"The request has {ranges.Count} groups; send 1 to {Limits.RelayGroupsMax}, one per origin till.");
        }

        var groups = new List<RelayGroup>(ranges.Count);
        var documentCount = 0;
        for (var i = 0; i < ranges.Count; i++)
        {
            var (group, groupProblem) = ReadGroup(body.Slice(ranges[i].Start, ranges[i].Length), relayingTillId);
            if (group is null)
            {
                return (null, $"groups[{i}]: {groupProblem}");
            }

            if (groups.Exists(g => g.TillId == group.TillId))
            {
                return (null, $"groups[{i}]: till {group.TillId} has a group already; send each origin till's documents as one group.");
            }

            documentCount += group.Documents.Count;
            groups.Add(group);
        }

        return documentCount > Limits.SyncOrdersMax
            ? (null, $"The request has {documentCount} documents; send at most {Limits.SyncOrdersMax} in all groups together.")
            : (groups, null);
    }

    private static (RelayGroup? Group, string? Problem) ReadGroup(ReadOnlyMemory<byte> slice, long relayingTillId)
    {
        var tillId = TillIdOf(slice);
        if (tillId is not > 0)
        {
            return (null, "tillId must be the origin till's id, a whole number from 1.");
        }

        if (tillId == relayingTillId)
        {
            return (null, "a till sends its own documents to /api/v2/sync, not as a relay.");
        }

        var (documents, _, unreadable) = DocumentBatchReader.Read(slice);
        if ((unreadable ?? SyncEnvelope.Problem(documents!, null)) is { } problem)
        {
            return (null, problem);
        }

        for (var i = 0; i < documents!.Count; i++)
        {
            // A placeholder's entry is checked for its link and signature, not its bytes: a relaying till could put one in
            // place of a document it holds and have HQ record it damaged. A relay carries the signed bytes or nothing.
            if (documents[i].SentKind == DocumentKinds.Damaged)
            {
                return (null, $"documents[{i}] is a damaged placeholder; relay only documents whose signed bytes you hold.");
            }

            if (documents[i].Chain is null)
            {
                return (null, $"documents[{i}] (tillSeq {documents[i].TillSeq}) has no chain entry; HQ takes a relayed document only on its till's signature.");
            }
        }

        return (new RelayGroup(tillId.Value, documents), null);
    }

    // The group's tillId when it is a whole number; the group has already been read as JSON.
    private static long? TillIdOf(ReadOnlyMemory<byte> slice)
    {
        using var group = JsonDocument.Parse(slice);
        return group.RootElement.TryGetProperty("tillId", out var tillId) && tillId.ValueKind == JsonValueKind.Number && tillId.TryGetInt64(out var id)
            ? id
            : null;
    }

    // Where each element of the body's `groups` array starts and how long it is, in bytes, each an object; or the 400's
    // sentence when the body is not JSON or has no such array.
    private static (List<(int Start, int Length)>? Ranges, string? Problem) GroupRanges(ReadOnlySpan<byte> body)
    {
        const string shape = "send { \"groups\": [ { \"tillId\", \"documents\", \"chain\" } ] }.";
        var reader = new Utf8JsonReader(body);
        List<(int, int)>? ranges = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, $"The body is not a JSON object; {shape}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isGroups = reader.ValueTextEquals("groups"u8);
                reader.Read();
                if (!isGroups)
                {
                    reader.Skip();
                    continue;
                }

                if (ranges is not null || reader.TokenType != JsonTokenType.StartArray)
                {
                    return (null, $"groups must be one array; {shape}");
                }

                ranges = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        return (null, $"groups[{ranges.Count}] is not an object; {shape}");
                    }

                    var start = checked((int)reader.TokenStartIndex);
                    reader.Skip();
                    ranges.Add((start, checked((int)reader.BytesConsumed) - start));
                }
            }

            // Anything after the object's end fails here (a body cut short already failed above).
            reader.Read();
        }
        catch (JsonException e)
        {
            return (null, JsonBody.Describe(e));
        }

        return ranges is null ? (null, $"The body has no groups; {shape}") : (ranges, null);
    }
}
