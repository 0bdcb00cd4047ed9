namespace TillSync.Core.EInvoicing;

/// <summary><c>InfoDtls[].Desc</c> of <c>DUPIRN</c>: the existing registration of a document sent again.</summary>
/// <param name="AckNo">Its 15-digit acknowledgement number.</param>
/// <param name="AckDt">Its acknowledgement time, IST, <c>yyyy-MM-dd HH:mm:ss</c>.</param>
/// <param name="Irn">Its IRN.</param>
public sealed record DuplicateIrn(long AckNo, string AckDt, string Irn);
