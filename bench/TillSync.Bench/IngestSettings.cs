using System.Globalization;

namespace TillSync.Bench;

/// <summary>Command-line settings of the ingest benchmark.</summary>
internal sealed record IngestSettings(int Tills, int OrdersPerTill, int LinesPerOrder, int BatchSize, string? Postgres, int SettleMs)
{
    public static IngestSettings Parse(string[] args)
    {
        var settings = new IngestSettings(Tills: 4, OrdersPerTill: 5_000, LinesPerOrder: 3, BatchSize: 500, Postgres: null, SettleMs: 5_000);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            settings = args[i] switch
            {
                "--tills" => settings with { Tills = Number(args[i + 1]) },
                "--orders" => settings with { OrdersPerTill = Number(args[i + 1]) },
                "--lines" => settings with { LinesPerOrder = Number(args[i + 1]) },
                "--batch" => settings with { BatchSize = Number(args[i + 1]) },
                "--postgres" => settings with { Postgres = args[i + 1] },
                "--settle-ms" => settings with { SettleMs = Number(args[i + 1]) },
                _ => throw new ArgumentException($"unknown option {args[i]}; use --tills --orders --lines --batch --postgres --settle-ms"),
            };
        }

        return settings;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
