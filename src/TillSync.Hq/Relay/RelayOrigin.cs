using TillSync.Hq.Access;

namespace TillSync.Hq.Relay;

/// <summary>An origin till of a relay request as HQ knows it.</summary>
/// <param name="Till">The till, as the caller its own sync would have had.</param>
/// <param name="Revoked">A manager revoked its token: HQ records nothing it signed while the revocation stands.</param>
public sealed record RelayOrigin(Caller Till, bool Revoked);
