namespace TillSync.Simulation.EInvoicing;

/// <summary>One registration request (generate IRN) that reached the portal, and what the portal answered.</summary>
/// <param name="DocType"><c>INV</c> or <c>CRN</c>, as sent.</param>
/// <param name="DocNo">The document number, as sent.</param>
/// <param name="FromWire">True for the second copy of a <see cref="PortalFate.Duplicate"/>: the network sent it, not HQ.</param>
/// <param name="Registered">True when the portal registered it now.</param>
/// <param name="ErrorCodes">The portal's error codes, comma-separated (<c>2150</c> for a document it already held);
/// empty when it registered it.</param>
public sealed record RegisterCall(string DocType, string DocNo, bool FromWire, bool Registered, string ErrorCodes);
