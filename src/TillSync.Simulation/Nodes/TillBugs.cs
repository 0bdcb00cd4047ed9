using TillSync.Storage;
using TillSync.Till.Storage;

namespace TillSync.Simulation.Nodes;

/// <summary>The SQL of each <see cref="TillBug"/>: triggers on the till's tables that do what the bug would do.</summary>
internal static class TillBugs
{
    /// <summary>Installs <paramref name="bug"/> in <paramref name="database"/>, if any.</summary>
    public static async Task PlantAsync(TillDatabase database, TillBug bug, CancellationToken cancellationToken)
    {
        if (bug == TillBug.None)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.Command(Sql(bug)).ExecuteAsync(cancellationToken);
    }

    // The Z report is the shift's ShiftReport as JSON; its cash tender is the first of close.tenders.
    private static string Sql(TillBug bug) => bug switch
    {
        TillBug.ZReportOmitsRefunds => """
            CREATE TRIGGER IF NOT EXISTS simulation_bug AFTER UPDATE OF z_report_json ON shifts
            WHEN json_extract(NEW.z_report_json, '$.expected.cashRefundsPaise') > 0
            BEGIN UPDATE shifts SET z_report_json = json_set(NEW.z_report_json,
                '$.expected.cashRefundsPaise', 0,
                '$.expectedCashPaise', json_extract(NEW.z_report_json, '$.expectedCashPaise') + json_extract(NEW.z_report_json, '$.expected.cashRefundsPaise'),
                '$.close.tenders[0].expectedPaise', json_extract(NEW.z_report_json, '$.close.tenders[0].expectedPaise') + json_extract(NEW.z_report_json, '$.expected.cashRefundsPaise'),
                '$.close.tenders[0].variancePaise', json_extract(NEW.z_report_json, '$.close.tenders[0].variancePaise') - json_extract(NEW.z_report_json, '$.expected.cashRefundsPaise'))
            WHERE shift_id = NEW.shift_id; END;
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(bug)),
    };
}
