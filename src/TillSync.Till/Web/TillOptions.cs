namespace TillSync.Till.Web;

/// <summary>How to run a till; each has a <c>--option</c> and a <c>TILLSYNC_*</c> twin in the CLI.</summary>
/// <param name="HqUrl">HQ's base address.</param>
/// <param name="Token">The till's token from enrolment.</param>
/// <param name="DataDirectory">Holds <c>till.db</c>.</param>
/// <param name="Urls">Where the cashier page listens; loopback.</param>
/// <param name="SyncBackoffMax">The longest wait between sync attempts while HQ is unreachable.</param>
public sealed record TillOptions(Uri HqUrl, string Token, string DataDirectory, string Urls, TimeSpan SyncBackoffMax);
