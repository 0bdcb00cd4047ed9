namespace TillSync.Till.Web;

/// <summary>How to run a till; each has a <c>--option</c> and a <c>TILLSYNC_*</c> twin in the CLI.</summary>
/// <param name="HqUrl">HQ's base address.</param>
/// <param name="Token">The till's token from enrolment.</param>
/// <param name="DataDirectory">Holds <c>till.db</c>.</param>
/// <param name="Urls">Where the cashier page listens; loopback.</param>
/// <param name="SyncBackoffMax">The longest wait between sync attempts while HQ is unreachable.</param>
/// <param name="HqAuthorities">The only CAs an https:// HQ's certificate may chain to (<c>--hq-ca-file</c>); null for the
/// system's trusted CAs.</param>
public sealed record TillOptions(
    Uri HqUrl, string Token, string DataDirectory, string Urls, TimeSpan SyncBackoffMax,
    System.Security.Cryptography.X509Certificates.X509Certificate2Collection? HqAuthorities = null);
