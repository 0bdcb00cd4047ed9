namespace TillSync.Core.EInvoicing;

/// <summary>One entry of <c>InfoDtls</c>. The simulator sends only <c>DUPIRN</c>, whose <c>Desc</c> is the existing
/// registration; NIC's other info codes (which carry text) are not simulated.</summary>
/// <param name="InfCd">Info code, <see cref="DuplicateIrnCode"/>.</param>
/// <param name="Desc">The registration that already holds the document's IRN.</param>
public sealed record IrpInfo(string InfCd, DuplicateIrn Desc)
{
    /// <summary>The info code of a duplicate registration.</summary>
    public const string DuplicateIrnCode = "DUPIRN";
}
