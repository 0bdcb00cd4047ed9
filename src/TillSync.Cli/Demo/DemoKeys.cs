using TillSync.Till.Sync;

namespace TillSync.Cli.Demo;

/// <summary>The demo's keys in its terminal: 1, 2, … cut that till's link to HQ, and the same key restores it (the till
/// then sends its queue at once). Only when the demo runs in a terminal; with its input redirected there are no keys, and
/// the buttons on the tills' pages do the same.</summary>
public static class DemoKeys
{
    /// <summary>Listens for keys on a background thread until <paramref name="cancellationToken"/> is cancelled.</summary>
    public static void Listen(IReadOnlyList<WebApplication> tills, IReadOnlyList<LinkSwitch> links, TextWriter console, CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected)
        {
            return;
        }

        // Console.ReadKey blocks and cannot be cancelled: the thread is a background one, so it never keeps the demo alive.
        var thread = new Thread(() =>
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.KeyChar is >= '1' and <= '9' && key.KeyChar - '1' is var index && index < links.Count)
                {
                    Toggle(tills[index], links[index], index + 1, console);
                }
            }
        })
        { IsBackground = true, Name = "demo keys" };
        thread.Start();
    }

    private static void Toggle(WebApplication till, LinkSwitch link, int number, TextWriter console)
    {
        var cut = !link.IsCut;
        link.Set(cut);
        till.Services.GetRequiredService<SyncSignal>().Wake();

        console.WriteLine(cut
            ? $"demo: till {number}'s link to HQ is cut: its bills wait in its queue (press {number} to restore it)."
            : $"demo: till {number}'s link to HQ is restored: its queue drains now.");
        console.Flush();
    }
}
