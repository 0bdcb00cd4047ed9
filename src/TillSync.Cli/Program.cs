using TillSync.Cli.Verbs;

// One executable hosts every verb (docs/architecture.md). Each verb lives in Verbs/ with its options and their TILLSYNC_* twins.
var root = TillSyncCommand.Create(Console.Out);
return await root.Parse(args).InvokeAsync();
