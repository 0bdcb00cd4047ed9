using System.CommandLine;
using TillSync.Cli.Verbs;
using TillSync.Hq.Access;
using TillSync.Hq.Web;
using TillSync.Irp.Authentication;
using TillSync.Irp.Faults;
using TillSync.Irp.Web;
using TillSync.Storage;
using TillSync.Till.Sync;
using TillSync.Till.Web;

namespace TillSync.Cli.Demo;

/// <summary><c>tillsync demo</c>: HQ, two tills and the IRP simulator (which HQ registers B2B bills with) in one process on <c>./tillsync-data/</c>, seeded with a supermarket's
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
        var irpUrl = EnvOption.Text("--irp-url", "TILLSYNC_IRP_URL", "http://127.0.0.1:5070", "Where the demo's IRP simulator listens; HQ registers B2B bills with it.");
        var command = new Command("demo", "Run HQ, two tills and the IRP simulator with a seeded catalogue, all on loopback, and print their URLs.")
        {
            data, hqUrl, tillPort, irpUrl,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!int.TryParse(parse.GetValue(tillPort), out var firstPort) || firstPort is < 1 or > 65_000
                || !Uri.TryCreate(parse.GetValue(hqUrl), UriKind.Absolute, out var hq)
                || !Uri.TryCreate(parse.GetValue(irpUrl), UriKind.Absolute, out var irp))
            {
                await console.WriteLineAsync("demo: --hq-url and --irp-url must be absolute URLs and --till-port a port number.");
                return 2;
            }

            return await RunAsync(Path.GetFullPath(parse.GetValue(data)!), hq, irp, firstPort, console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        string dataDirectory, Uri hqUrl, Uri irpUrl, int firstTillPort, TextWriter console, CancellationToken cancellationToken)
    {
        OwnerOnly.CreateDirectory(dataDirectory);
        var setupPath = Path.Combine(dataDirectory, "demo.json");
        var saved = DemoSetup.Load(setupPath);
        var adminToken = saved?.AdminToken ?? Tokens.New("mgr_");
        if (TokenStrength.Problem(adminToken) is { } weak)
        {
            // `tillsync hq` refuses such a token; the demo, which runs on loopback only, keeps the data it made and warns.
            await console.WriteLineAsync($"demo: warning: {weak} The demo's token is in {setupPath}; delete the directory to start afresh with a strong one.");
        }
        var irpOptions = new IrpOptions(irpUrl.ToString().TrimEnd('/'), Path.Combine(dataDirectory, "irp"), FaultSettings.None, Seed: 1, TestClock: false, QuietLogs: true);
        var (irp, _) = await IrpApplication.StartAsync(irpOptions, cancellationToken);
        await using var irpLifetime = irp;
        // HQ signs in to the simulator as NIC's portal is signed in to: the demo's API user, the simulator's public key.
        var hqOptions = new HqOptions(hqUrl.ToString().TrimEnd('/'), Path.Combine(dataDirectory, "hq"), adminToken, IrpUrl: irpUrl, LogLoyaltyCodes: true,
            IrpCredentials: ApiUserSettings.Demo.User, IrpPublicKeyFile: irp.Services.GetRequiredService<PortalKey>().PublicKeyPath,
            QuietLogs: true); // the terminal is for the banner, the link keys and the loyalty codes

        var (hq, _) = await HqApplication.StartAsync(hqOptions, TextWriter.Null, cancellationToken);
        await using (hq)
        {
            var setup = saved ?? await SeedAsync(hqUrl, adminToken, setupPath, console, cancellationToken);
            var tills = new List<WebApplication>();
            var links = new List<LinkSwitch>();
            try
            {
                for (var i = 0; i < setup.Tills.Count; i++)
                {
                    // Each till's link to HQ has the demo's switch: a key here, or the button on its page.
                    links.Add(LinkSwitch.Demo());
                    var options = new TillOptions(hqUrl, setup.Tills[i].Token, Path.Combine(dataDirectory, $"till-{i + 1}"),
                        $"http://127.0.0.1:{firstTillPort + i}", TimeSpan.FromSeconds(10), LinkSwitch: links[i], QuietLogs: true);
                    tills.Add((await TillApplication.StartAsync(options, TimeProvider.System, cancellationToken)).App);
                }

                await console.WriteAsync(Banner(hqUrl, irpUrl, firstTillPort, setup, dataDirectory, saved is not null));
                await console.FlushAsync(CancellationToken.None);
                DemoKeys.Listen(tills, links, console, cancellationToken);
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
                await irp.StopAsync(CancellationToken.None);
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

    private static string Banner(Uri hqUrl, Uri irpUrl, int firstTillPort, DemoSetup setup, string dataDirectory, bool reused)
    {
        var hq = hqUrl.ToString().TrimEnd('/');
        var lines = new List<string>
        {
            "",
            $"TillSync demo is running{(reused ? " (data reused from the last run)" : "")}. Data: {dataDirectory}",
            "",
            $"  HQ             {hq}   fleet: {hq}/fleet   reviews: {hq}/reviews   books: {hq}/ledger   e-invoices: {hq}/einvoices",
            $"  API            {hq}/openapi/v1.json",
            $"  IRP simulator  {irpUrl.ToString().TrimEnd('/')}   (HQ registers B2B bills with it; see docs/einvoice.md)",
            $"  manager token  {setup.AdminToken}",
        };
        for (var i = 0; i < setup.Tills.Count; i++)
        {
            lines.Add($"  {setup.Tills[i].Name,-13}  http://127.0.0.1:{firstTillPort + i}/   (bill prefix {setup.Tills[i].BillPrefix}, till token {setup.Tills[i].Token})");
        }

        lines.Add("");
        lines.Add($"  staff          {string.Join(", ", DemoSetup.Staff.Select(s => $"{s.Name} ({s.Role})"))}: demo PINs in docs/shifts.md");
        lines.Add($"  offline        press {string.Join(" or ", Enumerable.Range(1, setup.Tills.Count))} here (or a till page's \"Cut link (demo)\") to cut that till's link to HQ; again to restore it");
        lines.Add("");
        lines.Add("Open a till's page and log in to sell. Ctrl-C stops everything; a till run on its own keeps selling while HQ is stopped (see README).");
        lines.Add("");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
