using System.CommandLine;
using System.Security.Cryptography;
using TillSync.Cli.Verbs;
using TillSync.Hq.Web;
using TillSync.Till.Web;

namespace TillSync.Cli.Demo;

/// <summary><c>tillsync demo</c>: HQ and two tills in one process on <c>./tillsync-data/</c>, seeded with a supermarket's
/// catalogue on the first run and reused after; prints every URL and token; Ctrl-C stops everything.</summary>
public static class DemoVerb
{
    private const int TillCount = 2;

    /// <summary>The verb with its options.</summary>
    public static Command Create(TextWriter console)
    {
        var data = EnvOption.Text("--data", "TILLSYNC_DATA", "./tillsync-data", "Directory for the demo's databases and tokens (reused on the next run).");
        var hqUrl = EnvOption.Text("--hq-url", "TILLSYNC_HQ_URL", "http://127.0.0.1:5080", "Where the demo's HQ listens.");
        var tillPort = EnvOption.Text("--till-port", "TILLSYNC_TILL_PORT", "5090", "Port of the first till's page; the second till takes the next port.");
        var command = new Command("demo", "Run HQ and two tills with a seeded catalogue, all on loopback, and print their URLs.") { data, hqUrl, tillPort };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!int.TryParse(parse.GetValue(tillPort), out var firstPort) || firstPort is < 1 or > 65_000
                || !Uri.TryCreate(parse.GetValue(hqUrl), UriKind.Absolute, out var hq))
            {
                await console.WriteLineAsync("demo: --hq-url must be an absolute URL and --till-port a port number.");
                return 2;
            }

            return await RunAsync(Path.GetFullPath(parse.GetValue(data)!), hq, firstPort, console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string dataDirectory, Uri hqUrl, int firstTillPort, TextWriter console, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var setupPath = Path.Combine(dataDirectory, "demo.json");
        var saved = DemoSetup.Load(setupPath);
        var adminToken = saved?.AdminToken ?? "mgr_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var hqOptions = new HqOptions(hqUrl.ToString().TrimEnd('/'), Path.Combine(dataDirectory, "hq"), adminToken);
        var (hq, _) = await HqApplication.StartAsync(hqOptions, TextWriter.Null, cancellationToken);
        await using (hq)
        {
            var setup = saved ?? await SeedAsync(hqUrl, adminToken, setupPath, console, cancellationToken);
            var tills = new List<WebApplication>();
            try
            {
                for (var i = 0; i < setup.Tills.Count; i++)
                {
                    var options = new TillOptions(hqUrl, setup.Tills[i].Token, Path.Combine(dataDirectory, $"till-{i + 1}"),
                        $"http://127.0.0.1:{firstTillPort + i}", TimeSpan.FromSeconds(10));
                    tills.Add((await TillApplication.StartAsync(options, TimeProvider.System, cancellationToken)).App);
                }

                await console.WriteAsync(Banner(hqUrl, firstTillPort, setup, dataDirectory, saved is not null));
                await console.FlushAsync(CancellationToken.None);
                await hq.WaitForShutdownAsync(cancellationToken);
            }
            finally
            {
                foreach (var till in tills)
                {
                    await till.StopAsync(CancellationToken.None);
                    await till.DisposeAsync();
                }

                await hq.StopAsync(CancellationToken.None);
            }
        }

        await console.WriteLineAsync("demo: stopped; run `tillsync demo` again to carry on with the same data.");
        return 0;
    }

    private static async Task<DemoSetup> SeedAsync(Uri hqUrl, string adminToken, string setupPath, TextWriter console, CancellationToken cancellationToken)
    {
        await console.WriteLineAsync($"demo: first run: seeding {DemoCatalog.Products.Count} products, opening stock and {TillCount} tills …");
        var setup = await DemoSetup.SeedAsync(hqUrl, adminToken, TillCount, cancellationToken);
        setup.Save(setupPath);
        return setup;
    }

    private static string Banner(Uri hqUrl, int firstTillPort, DemoSetup setup, string dataDirectory, bool reused)
    {
        var hq = hqUrl.ToString().TrimEnd('/');
        var lines = new List<string>
        {
            "",
            $"TillSync demo is running{(reused ? " (data reused from the last run)" : "")}. Data: {dataDirectory}",
            "",
            $"  HQ             {hq}   fleet: {hq}/fleet   reviews: {hq}/reviews   books: {hq}/ledger   API: {hq}/openapi/v1.json",
            $"  manager token  {setup.AdminToken}",
        };
        for (var i = 0; i < setup.Tills.Count; i++)
        {
            lines.Add($"  {setup.Tills[i].Name,-13}  http://127.0.0.1:{firstTillPort + i}/   (bill prefix {setup.Tills[i].BillPrefix}, till token {setup.Tills[i].Token})");
        }

        lines.Add("");
        lines.Add("Open a till's page to sell. Ctrl-C stops everything; a till run on its own keeps selling while HQ is stopped (see README).");
        lines.Add("");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
