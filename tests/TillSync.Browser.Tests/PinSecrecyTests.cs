// Proves a PIN never appears in a log, a page, a snapshot or an export: a cashier logs in by PIN, sells, types five wrong
// PINs, is unlocked by a supervisor's PIN and syncs; then every PIN typed is searched for in HQ's and the till's output, both
// data folders' files (the till's snapshot lives in till.db), the snapshot HQ serves, the pages' HTML, the journal
// exports and the audit log. The same search finds each PIN in the requests the page sent, so it is proven to look.
using System.Net.Http.Headers;
using System.Text;
using TillSync.Browser.Tests.Harness;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class PinSecrecyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string WrongPin = "581736";

    [Fact]
    public async Task Pins_TypedAtLoginWrongAndUnlock_AppearInNoLogPageSnapshotOrExport()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(Pins_TypedAtLoginWrongAndUnlock_AppearInNoLogPageSnapshotOrExport),
            openPage: false);
        var cashier = session.Cashier;
        string[] pins = [SeededStaff.Cashier.Pin!, SeededStaff.Supervisor.Pin!, WrongPin];
        var sent = new List<string>();
        var sentLock = new Lock();
        cashier.Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.PostData is { } body)
            {
                lock (sentLock)
                {
                    sent.Add(body);
                }
            }
        };
        var places = new Dictionary<string, string>(StringComparer.Ordinal);
        await session.RunAsync(async () =>
        {
            await cashier.OpenAsync();
            places["cashier page after the login"] = await cashier.Page.ContentAsync();
            await cashier.SellForCashAsync(("SOAP-125G", "SOAP-125G", "1"));

            await cashier.By("lock-button").ClickAsync();
            for (var i = 1; i <= 5; i++)
            {
                await cashier.TypePinAsync(SeededStaff.Cashier, WrongPin);
                await Expect(cashier.By("login-error")).ToContainTextAsync(i < 5 ? $"{5 - i} tr" : "Locked on this till");
            }

            places["cashier page while locked"] = await cashier.Page.ContentAsync();
            await Expect(cashier.By("unlock-box")).ToBeVisibleAsync();
            await cashier.By("unlock-pin").FillAsync(SeededStaff.Supervisor.Pin!);
            await cashier.By("unlock-submit").ClickAsync();
            await Expect(cashier.By("login-hint")).ToHaveTextAsync("Unlocked: enter your PIN.");
            await cashier.LogInAsync(SeededStaff.Cashier);
            places["cashier page after the unlock"] = await cashier.Page.ContentAsync();
            await cashier.SellForCashAsync(("COLA-750ML", "COLA-750ML", "1"));
            await cashier.WaitForQueueDepthAsync(0, Patience.Exchanges);
            await Poll.UntilAsync(() => session.Hq.OrdersAsync(session.Enrolment.TillId), o => o.Count == 2, Patience.Exchanges, o => $"{o.Count} orders at HQ");
        });

        // The search is real: each PIN is in what the page sent the till.
        string requests;
        lock (sentLock)
        {
            requests = string.Join('\n', sent);
        }

        Assert.All(pins, pin => Assert.NotEmpty(Leaks("requests", requests, [pin])));

        await AddHqPlacesAsync(session, places);
        places["HQ output"] = FullOutput(session.Hq.Output(int.MaxValue));
        places["till output"] = FullOutput(session.Till.Output(int.MaxValue));
        AddFiles(places, "HQ data", session.Hq.DataDir);
        AddFiles(places, "till data", session.Till.DataDir);
        Assert.Contains("till.db", string.Join('\n', places.Keys), StringComparison.Ordinal);

        var leaks = places.SelectMany(p => Leaks(p.Key, p.Value, pins)).ToList();
        Assert.True(leaks.Count == 0, $"A PIN appeared in {leaks.Count} places:\n{string.Join('\n', leaks)}");
        output.WriteLine($"searched {places.Count} places, {places.Values.Sum(v => v.Length):N0} characters, for {pins.Length} PINs");
    }

    // What a manager and a till read from HQ: the snapshot HQ serves the till, the exports, the audit log, the staff list,
    // and the HTML of HQ's shifts and reviews pages as the browser renders them.
    private async Task AddHqPlacesAsync(CashierSession session, Dictionary<string, string> places)
    {
        using var hq = new HttpClient { BaseAddress = session.Hq.Address };
        hq.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Enrolment.Token);
        places["till snapshot from HQ"] = await GetTextAsync(hq, "/api/v1/till/snapshot");
        hq.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Hq.AdminToken);
        places["hledger export"] = await session.Hq.HledgerJournalAsync();
        places["journal (JSON)"] = await GetTextAsync(hq, "/api/v1/ledger/journal?after=0&limit=1000");
        places["audit log"] = await GetTextAsync(hq, "/api/v1/audit");
        places["staff list"] = await GetTextAsync(hq, "/api/v1/staff");
        Assert.Contains("pinHash", places["till snapshot from HQ"], StringComparison.Ordinal);

        await using var context = await browser.NewContextAsync();
        var page = await BackOffice.OpenAsync(context, session.Hq, "/shifts");
        await Expect(page.GetByTestId("shift-row")).ToHaveCountAsync(1);
        places["HQ shifts page"] = await page.ContentAsync();
        await page.GotoAsync(new Uri(session.Hq.Address, "/reviews").ToString());
        places["HQ reviews page"] = await page.ContentAsync();
    }

    private static async Task<string> GetTextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    // Every file of a data folder as Latin-1 text, so that the PIN's ASCII digits are found wherever they lie in a page of
    // SQLite or its WAL.
    private static void AddFiles(Dictionary<string, string> places, string what, string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            places[$"{what}: {Path.GetFileName(file)}"] = Encoding.Latin1.GetString(copy.ToArray());
        }
    }

    // The harness keeps a process's last 2,000 lines: fewer means nothing was dropped.
    private static string FullOutput(string text)
    {
        Assert.InRange(text.Split('\n').Length, 10, 1_999);
        return text;
    }

    private static IEnumerable<string> Leaks(string where, string text, IEnumerable<string> pins)
    {
        foreach (var pin in pins)
        {
            for (var at = text.IndexOf(pin, StringComparison.Ordinal); at >= 0; at = text.IndexOf(pin, at + 1, StringComparison.Ordinal))
            {
                var from = Math.Max(0, at - 60);
                yield return $"{where}: …{text[from..Math.Min(text.Length, at + pin.Length + 60)]}…";
            }
        }
    }
}
