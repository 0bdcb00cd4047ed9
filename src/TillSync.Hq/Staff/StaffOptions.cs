namespace TillSync.Hq.Staff;

/// <summary>How HQ hashes a new staff PIN.</summary>
/// <param name="PinIterations">PBKDF2 iterations (<c>--pin-iterations</c>): the default is OWASP's figure; a hash keeps
/// its own count, so changing it affects only PINs set afterwards (docs/security.md, "Staff PINs").</param>
public sealed record StaffOptions(int PinIterations);
