using System.CommandLine;
using System.Net.Http.Headers;

namespace TillSync.Cli.Verbs;

/// <summary>What the verbs that read HQ's manager API share (<c>ledger</c>, <c>gst</c>): <c>--hq</c> and the manager
/// token, an HTTP client with it, and HQ's problem+json shown as a sentence.</summary>
public static class ManagerApi
{
    /// <summary><c>--hq</c>, HQ's address.</summary>
    public static Option<string> HqOption() => EnvOption.Text("--hq", "TILLSYNC_HQ", "http://127.0.0.1:5080", "HQ's address.");

    /// <summary><c>--token</c> and its file and environment twins: a manager token.</summary>
    public static SecretOption TokenOption() => EnvOption.Secret("--token", "TILLSYNC_MANAGER_TOKEN", "A manager token. Required.");

    /// <summary>An HTTP client for HQ carrying the manager token, or an error sentence.</summary>
    public static (HttpClient? Client, string? Problem) Open(ParseResult parse, Option<string> hq, SecretOption token)
    {
        var (secret, problem) = token.Read(parse, Console.Error);
        if (secret is null)
        {
            return (null, problem ?? "--token (or --token-file, TILLSYNC_MANAGER_TOKEN, TILLSYNC_MANAGER_TOKEN_FILE) is required: a manager token HQ printed at its first start.");
        }

        if (!Uri.TryCreate(parse.GetValue(hq), UriKind.Absolute, out var address))
        {
            return (null, "--hq must be an absolute URL such as http://127.0.0.1:5080.");
        }

        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return (client, null);
    }

    /// <summary>Runs <paramref name="body"/> with a client for HQ; a missing token or bad address prints
    /// <c>name: problem</c> and exits 2, an answer other than success prints HQ's detail and exits 1.</summary>
    public static async Task<int> RunAsync(
        TextWriter console, ParseResult parse, Option<string> hq, SecretOption token, string name, Func<HttpClient, Task> body)
    {
        var (http, problem) = Open(parse, hq, token);
        if (http is null)
        {
            await console.WriteLineAsync($"{name}: {problem}");
            return 2;
        }

        using (http)
        {
            try
            {
                await body(http);
                return 0;
            }
            catch (HttpRequestException e)
            {
                await console.WriteLineAsync($"{name}: {e.Message}");
                return 1;
            }
        }
    }

    /// <summary>Throws <see cref="HttpRequestException"/> with HQ's problem+json detail (what to change) rather than the bare
    /// status when <paramref name="response"/> is not a success.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var detail = System.Text.Json.Nodes.JsonNode.Parse(body.Length > 0 && body[0] == '{' ? body : "{}")?["detail"]?.GetValue<string>();
        throw new HttpRequestException($"HQ answered {(int)response.StatusCode}: {detail ?? body}");
    }
}
