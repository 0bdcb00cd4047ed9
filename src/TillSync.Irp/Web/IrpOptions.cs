using TillSync.Irp.Authentication;
using TillSync.Irp.Faults;
using TillSync.Irp.Invoices;

namespace TillSync.Irp.Web;

/// <summary>How to run the simulator; each has a <c>tillsync irp</c> option and a <c>TILLSYNC_IRP_*</c> twin.</summary>
/// <param name="Urls">Where to listen, e.g. <c>http://127.0.0.1:5070</c>.</param>
/// <param name="DataDirectory">Holds <c>irp.db</c> and the signing key.</param>
/// <param name="Faults">The fault switches at start.</param>
/// <param name="Seed">Seeds the random that decides which calls fault.</param>
/// <param name="TestClock">Maps <c>/admin/clock</c>, letting tests move the simulator's clock forward.</param>
/// <param name="ReportingLimit">Which sellers' documents are refused how many days after their date; null is
/// <see cref="ReportingLimitSettings.Default"/>.</param>
/// <param name="ApiUser">The API user that may sign in and its token lifetime; null is <see cref="ApiUserSettings.Demo"/>.</param>
/// <param name="Plain">Skip NIC's session and encryption (debugging with curl): any <c>user_name</c>, plain JSON <c>Data</c>.
/// Off by default; HQ never speaks it.</param>
/// <param name="QuietLogs">Log warnings and errors only (<c>tillsync demo</c>'s terminal shows its banner and key presses).</param>
public sealed record IrpOptions(string Urls, string DataDirectory, FaultSettings Faults, int Seed, bool TestClock,
    ReportingLimitSettings? ReportingLimit = null, ApiUserSettings? ApiUser = null, bool Plain = false, bool QuietLogs = false);
