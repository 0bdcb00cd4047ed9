using System.Text.Json;
using TillSync.Contracts.Documents;
using TillSync.Core;
using TillSync.Hq.Chain;
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
        var (ranges, problem) = GroupRanges(body);
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
            var (group, groupProblem) = ReadGroup(ranges[i].TillId, body.Slice(ranges[i].Start, ranges[i].Length), relayingTillId);
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

    private static (RelayGroup? Group, string? Problem) ReadGroup(long? tillId, ReadOnlyMemory<byte> slice, long relayingTillId)
    {
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

    // Each group's tillId (null when it is not a whole number) and where it starts and how long it is, in bytes; or the
    // 400's sentence when the body is not JSON or has no array of group objects.
    private static (List<(long? TillId, int Start, int Length)>? Groups, string? Problem) GroupRanges(ReadOnlyMemory<byte> body)
    {
        const string shape = "send { \"groups\": [ { \"tillId\", \"documents\", \"chain\" } ] }.";
        JsonDocument tree;
        try
        {
            tree = JsonDocument.Parse(body, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return (null, JsonBody.Describe(e));
        }

        using (tree)
        {
            if (tree.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, $"The body is not a JSON object; {shape}");
            }

            if (!tree.RootElement.TryGetProperty("groups", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return (null, $"groups must be an array; {shape}");
            }

            var ranges = ChainedBatch.ElementRanges(body.Span, "groups"u8);
            var groups = new List<(long?, int, int)>(ranges.Count);
            var index = 0;
            foreach (var group in array.EnumerateArray())
            {
                if (group.ValueKind != JsonValueKind.Object)
                {
                    return (null, $"groups[{index}] is not an object; {shape}");
                }

                long? tillId = group.TryGetProperty("tillId", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var value) ? value : null;
                groups.Add((tillId, ranges[index].Start, ranges[index].Length));
                index++;
            }

            return (groups, null);
        }
    }
}
