using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TillSync.Contracts;
using TillSync.Contracts.Gst;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Gst;

/// <summary>The GSTR-1 endpoints, called with the admin token.</summary>
public sealed class Gstr1Calls(HqProcess hq)
{
    /// <summary>GET /api/v1/gst/gstr1 raw.</summary>
    public async Task<HttpResponseMessage> GetRawAsync(string query, string? token = null)
    {
        using var client = hq.CreateClient(token ?? hq.AdminToken);
        return await client.GetAsync(new Uri($"/api/v1/gst/gstr1{query}", UriKind.Relative));
    }

    /// <summary>The return of <paramref name="period"/>, typed and as HQ wrote it.</summary>
    public async Task<(Gstr1Return Return, string Json)> ReturnAsync(string period)
    {
        using var response = await GetRawAsync($"?period={period}");
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        return (JsonSerializer.Deserialize(json, TillSyncJsonContext.Default.Gstr1Return)!, json);
    }

    /// <summary>The summary of <paramref name="period"/>.</summary>
    public async Task<Gstr1SummaryView> SummaryAsync(string period)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri($"/api/v1/gst/gstr1/summary?period={period}", UriKind.Relative)),
            HttpStatusCode.OK, TillSyncJsonContext.Default.Gstr1SummaryView, hq);
    }

    /// <summary>JSON text indented, two spaces, as the golden file keeps it.</summary>
    public static string Indented(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
}
