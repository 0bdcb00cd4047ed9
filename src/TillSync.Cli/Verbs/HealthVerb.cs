using System.CommandLine;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync health</c>: exits 0 when a server's <c>/healthz</c> answers 200. HQ's container image runs it as
/// its health check, having no shell or curl.</summary>
public static class HealthVerb
{
    /// <summary>The verb with its options.</summary>
    public static Command Create(TextWriter console)
    {
        var url = new Option<string>("--url") { Description = "The health address to ask.", DefaultValueFactory = _ => "http://127.0.0.1:5080/healthz" };
        var command = new Command("health", "Ask a running HQ or till whether it is healthy: exit code 0 if /healthz answers 200, 1 otherwise.") { url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var address))
            {
                await console.WriteLineAsync("health: --url must be an absolute URL such as http://127.0.0.1:5080/healthz.");
                return 2;
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(address, cancellationToken);
                await console.WriteLineAsync($"health: {address} answered {(int)response.StatusCode} {response.ReasonPhrase}");
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await console.WriteLineAsync($"health: no answer from {address} ({e.Message})");
                return 1;
            }
        });
        return command;
    }
}
