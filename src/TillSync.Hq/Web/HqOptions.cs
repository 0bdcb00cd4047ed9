using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace TillSync.Hq.Web;

/// <summary>How to run HQ; each has a <c>--option</c> and a <c>TILLSYNC_*</c> twin in the CLI.</summary>
/// <param name="Urls">Where to listen, e.g. <c>http://127.0.0.1:5080</c>; loopback unless told otherwise.</param>
/// <param name="DataDirectory">Holds <c>hq.db</c>.</param>
/// <param name="AdminToken">The manager token; null to keep the stored one or generate one at first start.</param>
/// <param name="Postgres">An Npgsql connection string to run on PostgreSQL instead of SQLite; null for SQLite.</param>
/// <param name="IrpUrl">The IRP (NIC's e-invoice portal or <c>tillsync irp</c>) to register B2B bills with; null runs no
/// e-invoice worker, and B2B bills stay pending.</param>
/// <param name="IrpCredentials">The API user HQ signs in to the IRP as; required with <paramref name="IrpUrl"/>.</param>
/// <param name="IrpPublicKeyFile">The portal's public key for the sign-in (PEM or base64); required with <paramref name="IrpUrl"/>.</param>
/// <param name="LogLoyaltyCodes">Log loyalty one-time codes (demo and tests only; docs/loyalty.md).</param>
/// <param name="Certificate">The certificate for the <c>https://</c> addresses in <paramref name="Urls"/>; null for none.</param>
/// <param name="TrustedProxies">Reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> HQ believes;
/// empty or null: HQ believes no forwarded header.</param>
/// <param name="AllowedHosts">Host names HQ answers to besides its loopback names and those in <paramref name="Urls"/>:
/// its public name(s) behind a domain or a proxy, its LAN name or address (<c>name</c> or <c>name:port</c>; docs/security.md).</param>
/// <param name="ReturnUnlinkedAfter">How long a return may wait for its original sale before a <c>return_unlinked</c>
/// review item opens; null for the default of 7 days (docs/returns.md).</param>
/// <param name="PinIterations">PBKDF2 iterations for each new staff PIN hash (<c>--pin-iterations</c>); null for
/// <see cref="Core.Staff.StaffPin.IterationsDefault"/> (docs/security.md, "Staff PINs").</param>
/// <param name="JsonLogs">Log one JSON object per line (<c>--log-format json</c>) instead of text.</param>
/// <param name="Sessions">How long a back-office session lasts (<c>--session-idle-minutes</c>, <c>--session-hours</c>); null
/// for <see cref="Access.ManagerSessionOptions.Default"/> (docs/security.md, "Back-office sessions").</param>
/// <param name="GstinRule">How GSTINs are checked: <see cref="Core.Tax.GstinRule.Sandbox"/> against NIC's sandbox
/// (<c>--irp-sandbox</c>), whose test GSTINs fail the check character; carried to the tills in the snapshot.</param>
/// <param name="QuietLogs">Log warnings and errors only: <c>tillsync demo</c>'s terminal, which shows its banner and its
/// key presses (the loyalty codes of <paramref name="LogLoyaltyCodes"/> are warnings, so they still show).</param>
public sealed record HqOptions(
    string Urls,
    string DataDirectory,
    string? AdminToken,
    string? Postgres = null,
    Uri? IrpUrl = null,
    bool LogLoyaltyCodes = false,
    X509Certificate2? Certificate = null,
    IReadOnlyList<IPAddress>? TrustedProxies = null,
    IReadOnlyList<string>? AllowedHosts = null,
    TimeSpan? ReturnUnlinkedAfter = null,
    bool JsonLogs = false,
    int? PinIterations = null,
    Core.EInvoicing.NicCredentials? IrpCredentials = null,
    string? IrpPublicKeyFile = null,
    Access.ManagerSessionOptions? Sessions = null,
    bool QuietLogs = false,
    Core.Tax.GstinRule GstinRule = Core.Tax.GstinRule.Checked);
