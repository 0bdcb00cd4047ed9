// Checks an HTTP answer's status and body in one place, so that every unexpected answer fails with its status,
// its body and the server's recent output (HQ's or the till's), which is what one needs to tell a test bug from a server bug.
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Xunit.Sdk;

namespace TillSync.Testing;

/// <summary>Status and body expectations on the answers of HQ and of a till.</summary>
public static class Responses
{
    /// <summary>Asserts the status and returns the JSON body as <typeparamref name="T"/>.</summary>
    public static async Task<T> ExpectAsync<T>(
        HttpResponseMessage response, HttpStatusCode expected, JsonTypeInfo<T> type, IServerOutput server)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw await UnexpectedAsync(response, body, $"expected {(int)expected} {expected}", server);
        }

        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw Unexpected(response, body, $"expected a {typeof(T).Name}, got null", server);
        }
        catch (JsonException e)
        {
            throw Unexpected(response, body, $"expected a {typeof(T).Name}: {e.Message}", server);
        }
    }

    /// <summary>Asserts the status only.</summary>
    public static async Task ExpectStatusAsync(HttpResponseMessage response, HttpStatusCode expected, IServerOutput server)
    {
        if (response.StatusCode != expected)
        {
            throw await UnexpectedAsync(response, await response.Content.ReadAsStringAsync(), $"expected {(int)expected} {expected}", server);
        }
    }

    /// <summary>Asserts an RFC 7807 error: the status, <c>application/problem+json</c>, a matching <c>status</c> member
    /// and a non-empty <c>detail</c>. Returns the detail.</summary>
    public static async Task<string> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode expected, IServerOutput server)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw await UnexpectedAsync(response, body, $"expected a {(int)expected} {expected} problem", server);
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            throw Unexpected(response, body, "expected Content-Type application/problem+json", server);
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            if (!root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number
                || status.GetInt32() != (int)expected)
            {
                throw Unexpected(response, body, $"expected the problem's status member to be {(int)expected}", server);
            }

            if (!root.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(detail.GetString()))
            {
                throw Unexpected(response, body, "expected a non-empty detail in the problem", server);
            }

            return detail.GetString()!;
        }
        catch (JsonException e)
        {
            throw Unexpected(response, body, $"expected a JSON problem body: {e.Message}", server);
        }
    }

    /// <summary>Like <see cref="Unexpected"/>, but after a 5xx gives the server a moment to log the exception behind it.</summary>
    public static async Task<XunitException> UnexpectedAsync(HttpResponseMessage response, string body, string expectation, IServerOutput server)
    {
        if ((int)response.StatusCode >= 500)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        return Unexpected(response, body, expectation, server);
    }

    /// <summary>A failure naming the request, the answer and the server's recent output.</summary>
    public static XunitException Unexpected(HttpResponseMessage response, string body, string expectation, IServerOutput server)
    {
        var request = response.RequestMessage;
        var shown = body.Length > 4_000 ? body[..4_000] + "…" : body;
        return new XunitException(
            $"{request?.Method} {request?.RequestUri}: {expectation}, got {(int)response.StatusCode} {response.StatusCode} " +
            $"({response.Content.Headers.ContentType}):\n{shown}\n--- {server.Name} output ---\n{server.Output(40)}");
    }
}
