using TillSync.Bench;

// Load generator: starts a real `tillsync hq` process (SQLite, or PostgreSQL with --postgres) and drives it over HTTP
// with N tills × M orders, then replays every batch. Prints a Markdown table for bench/RESULTS.md.
return await IngestBenchmark.RunAsync(IngestSettings.Parse(args));
