// How a relaying till's request is built in these tests: each origin's chained documents as the exact bytes the origin
// stored, grouped by origin till, posted with the relaying till's own token to POST /api/v2/sync/relay.
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Relay;

/// <summary>Relay requests as a till sends them.</summary>
public static class RelayRequests
{
    public const string Path = "/api/v2/sync/relay";

    /// <summary>The body relaying each group's entries (a null chain entry sends that document unchained).</summary>
    public static string Body(params (long TillId, IReadOnlyList<ChainedTill.Entry> Entries)[] groups)
    {
        var body = new StringBuilder("{\"groups\":[");
        for (var i = 0; i < groups.Length; i++)
        {
            var (tillId, entries) = groups[i];
            body.Append(i == 0 ? "" : ",").Append("{\"tillId\":").Append(tillId).Append(",\"documents\":[")
                .AppendJoin(',', entries.Select(e => e.Json)).Append(']');
            var chain = entries.Where(e => e.Chain is not null).Select(e => e.Chain!).ToList();
            if (chain.Count > 0)
            {
                body.Append(",\"chain\":").Append(JsonSerializer.Serialize(chain, TillSyncJsonContext.Default.IReadOnlyListDocumentChainDto));
            }

            body.Append('}');
        }

        return body.Append("]}").ToString();
    }

    /// <summary>Posts <paramref name="json"/> as <paramref name="relaying"/>. With <paramref name="expectContinue"/>, the
    /// body goes only once HQ asks for it: a body HQ refuses by its length alone gets its answer, not a broken pipe.</summary>
    public static async Task<HttpResponseMessage> PostAsync(TillClient relaying, string json, bool expectContinue = false)
    {
        using var client = relaying.Hq.CreateClient(relaying.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.ExpectContinue = expectContinue;
        return await client.SendAsync(request);
    }

    /// <summary>Relays the groups and expects a 200 with one group answer per group and one result per document.</summary>
    public static async Task<RelaySyncResponse> RelayAsync(TillClient relaying, params (long TillId, IReadOnlyList<ChainedTill.Entry> Entries)[] groups)
    {
        var reply = await Responses.ExpectAsync(await PostAsync(relaying, Body(groups)), HttpStatusCode.OK,
            TillSyncJsonContext.Default.RelaySyncResponse, relaying.Hq);
        Assert.Equal(groups.Select(g => g.TillId), reply.Groups.Select(g => g.TillId));
        for (var i = 0; i < groups.Length; i++)
        {
            Assert.Equal(groups[i].Entries.Select(e => e.Order.ClientOrderId), reply.Groups[i].Results.Select(r => r.DocumentId));
        }

        return reply;
    }
}
