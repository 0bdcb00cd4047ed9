using System.Globalization;
using TillSync.Bench;

// Load generator: starts a real `tillsync hq` process (SQLite, or PostgreSQL with --postgres) and drives it over HTTP
// with N tills × M orders, then replays every batch; on SQLite it then measures the raw floor. Prints a Markdown table
// for bench/RESULTS.md. `sale N` and `drain N` measure the till (TillBenchmark); `reports --orders N` the books' reports
// over a history of N orders (ReportsBenchmark); `catalogue` the bytes a till fetches an hour, whole or by delta
// (CatalogueBenchmark); `lan N` how soon a sale at one till is visible at another over the store LAN on loopback, and
// `lan N --netns` with each till in a network namespace of its own (LanBenchmark; needs root).
return args switch
{
    [("sale" or "drain") and var mode, var count] => await TillBenchmark.RunAsync(mode, int.Parse(count, CultureInfo.InvariantCulture)),
    ["reports", .. var options] => await ReportsBenchmark.RunAsync(options),
    ["catalogue", .. var options] => await CatalogueBenchmark.RunAsync(options),
    ["lan", var count] => await LanBenchmark.RunAsync(int.Parse(count, CultureInfo.InvariantCulture), namespaces: false),
    ["lan", var count, "--netns"] => await LanBenchmark.RunAsync(int.Parse(count, CultureInfo.InvariantCulture), namespaces: true),
    _ => await IngestBenchmark.RunAsync(IngestSettings.Parse(args)),
};
