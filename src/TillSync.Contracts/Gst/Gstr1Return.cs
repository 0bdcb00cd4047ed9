using System.Text.Json.Serialization;

namespace TillSync.Contracts.Gst;

/// <summary>A GSTR-1 return in the GST portal's offline-tool JSON (docs/gst.md): the portal's field names, amounts in
/// rupees with two decimals, rates in per cent, dates <c>dd-MM-yyyy</c>. Credit notes carry positive amounts; the
/// portal subtracts them.</summary>
/// <param name="Gstin">The seller's GSTIN (the store's).</param>
/// <param name="Fp">The filing period, <c>MMyyyy</c>.</param>
/// <param name="B2b">Invoices to registered buyers, per buyer GSTIN (table 4A).</param>
/// <param name="B2cl">Inter-state invoices to unregistered buyers above the B2CL limit, per place of supply (table 5).</param>
/// <param name="B2cs">Every other B2C supply, net of its credit notes, per supply type, place of supply and rate (table 7).</param>
/// <param name="Cdnr">Credit notes to registered buyers, per buyer GSTIN (table 9B).</param>
/// <param name="Cdnur">Credit notes to unregistered buyers against B2CL invoices (table 9B).</param>
/// <param name="Hsn">Supplies per HSN code, unit and rate, net of credit notes (table 12).</param>
/// <param name="DocIssue">Documents issued per series, with cancellations (table 13).</param>
public sealed record Gstr1Return(
    [property: JsonPropertyName("gstin")] string Gstin,
    [property: JsonPropertyName("fp")] string Fp,
    [property: JsonPropertyName("b2b")] IReadOnlyList<Gstr1B2bBuyer> B2b,
    [property: JsonPropertyName("b2cl")] IReadOnlyList<Gstr1B2clPlace> B2cl,
    [property: JsonPropertyName("b2cs")] IReadOnlyList<Gstr1B2csRow> B2cs,
    [property: JsonPropertyName("cdnr")] IReadOnlyList<Gstr1CdnrBuyer> Cdnr,
    [property: JsonPropertyName("cdnur")] IReadOnlyList<Gstr1CdnurNote> Cdnur,
    [property: JsonPropertyName("hsn")] Gstr1Hsn Hsn,
    [property: JsonPropertyName("doc_issue")] Gstr1DocIssue DocIssue);

/// <summary>One registered buyer's invoices.</summary>
public sealed record Gstr1B2bBuyer(
    [property: JsonPropertyName("ctin")] string Ctin,
    [property: JsonPropertyName("inv")] IReadOnlyList<Gstr1B2bInvoice> Inv);

/// <summary>An invoice to a registered buyer: <c>val</c> is the invoice value (rounded bill total), <c>pos</c> the place of
/// supply's state code, <c>rchrg</c> <c>N</c> (no reverse charge), <c>inv_typ</c> <c>R</c> (regular).</summary>
public sealed record Gstr1B2bInvoice(
    [property: JsonPropertyName("inum")] string Inum,
    [property: JsonPropertyName("idt")] string Idt,
    [property: JsonPropertyName("val")] decimal Val,
    [property: JsonPropertyName("pos")] string Pos,
    [property: JsonPropertyName("rchrg")] string Rchrg,
    [property: JsonPropertyName("inv_typ")] string InvTyp,
    [property: JsonPropertyName("itms")] IReadOnlyList<Gstr1Item> Itms);

/// <summary>A document's figures at one rate, numbered from 1.</summary>
public sealed record Gstr1Item(
    [property: JsonPropertyName("num")] int Num,
    [property: JsonPropertyName("itm_det")] Gstr1ItemDetail ItmDet);

/// <summary>Taxable value and tax at one rate (<c>rt</c>, per cent); cess is always 0 (TillSync levies none).</summary>
public sealed record Gstr1ItemDetail(
    [property: JsonPropertyName("rt")] decimal Rt,
    [property: JsonPropertyName("txval")] decimal Txval,
    [property: JsonPropertyName("iamt")] decimal Iamt,
    [property: JsonPropertyName("camt")] decimal Camt,
    [property: JsonPropertyName("samt")] decimal Samt,
    [property: JsonPropertyName("csamt")] decimal Csamt);

/// <summary>The B2CL invoices of one place of supply.</summary>
public sealed record Gstr1B2clPlace(
    [property: JsonPropertyName("pos")] string Pos,
    [property: JsonPropertyName("inv")] IReadOnlyList<Gstr1B2clInvoice> Inv);

/// <summary>A B2C large invoice: inter-state, so IGST only.</summary>
public sealed record Gstr1B2clInvoice(
    [property: JsonPropertyName("inum")] string Inum,
    [property: JsonPropertyName("idt")] string Idt,
    [property: JsonPropertyName("val")] decimal Val,
    [property: JsonPropertyName("itms")] IReadOnlyList<Gstr1IgstItem> Itms);

/// <summary>An inter-state document's figures at one rate.</summary>
public sealed record Gstr1IgstItem(
    [property: JsonPropertyName("num")] int Num,
    [property: JsonPropertyName("itm_det")] Gstr1IgstDetail ItmDet);

/// <summary>Taxable value and IGST at one rate.</summary>
public sealed record Gstr1IgstDetail(
    [property: JsonPropertyName("rt")] decimal Rt,
    [property: JsonPropertyName("txval")] decimal Txval,
    [property: JsonPropertyName("iamt")] decimal Iamt,
    [property: JsonPropertyName("csamt")] decimal Csamt);

/// <summary>B2C small supplies of one supply type (<c>INTRA</c>/<c>INTER</c>), place and rate, net of their credit notes
/// (so possibly negative); <c>typ</c> <c>OE</c>: not through an e-commerce operator.</summary>
public sealed record Gstr1B2csRow(
    [property: JsonPropertyName("sply_ty")] string SplyTy,
    [property: JsonPropertyName("pos")] string Pos,
    [property: JsonPropertyName("typ")] string Typ,
    [property: JsonPropertyName("rt")] decimal Rt,
    [property: JsonPropertyName("txval")] decimal Txval,
    [property: JsonPropertyName("iamt")] decimal Iamt,
    [property: JsonPropertyName("camt")] decimal Camt,
    [property: JsonPropertyName("samt")] decimal Samt,
    [property: JsonPropertyName("csamt")] decimal Csamt);

/// <summary>One registered buyer's credit notes.</summary>
public sealed record Gstr1CdnrBuyer(
    [property: JsonPropertyName("ctin")] string Ctin,
    [property: JsonPropertyName("nt")] IReadOnlyList<Gstr1CdnrNote> Nt);

/// <summary>A credit note (<c>ntty</c> <c>C</c>) to a registered buyer.</summary>
public sealed record Gstr1CdnrNote(
    [property: JsonPropertyName("ntty")] string Ntty,
    [property: JsonPropertyName("nt_num")] string NtNum,
    [property: JsonPropertyName("nt_dt")] string NtDt,
    [property: JsonPropertyName("val")] decimal Val,
    [property: JsonPropertyName("pos")] string Pos,
    [property: JsonPropertyName("rchrg")] string Rchrg,
    [property: JsonPropertyName("inv_typ")] string InvTyp,
    [property: JsonPropertyName("itms")] IReadOnlyList<Gstr1Item> Itms);

/// <summary>A credit note to an unregistered buyer against a B2CL invoice (<c>typ</c> <c>B2CL</c>).</summary>
public sealed record Gstr1CdnurNote(
    [property: JsonPropertyName("typ")] string Typ,
    [property: JsonPropertyName("ntty")] string Ntty,
    [property: JsonPropertyName("nt_num")] string NtNum,
    [property: JsonPropertyName("nt_dt")] string NtDt,
    [property: JsonPropertyName("val")] decimal Val,
    [property: JsonPropertyName("pos")] string Pos,
    [property: JsonPropertyName("itms")] IReadOnlyList<Gstr1IgstItem> Itms);

/// <summary>The HSN summary.</summary>
public sealed record Gstr1Hsn([property: JsonPropertyName("data")] IReadOnlyList<Gstr1HsnRow> Data);

/// <summary>Supplies of one HSN code, unit (GST UQC) and rate, net of credit notes; <c>qty</c> to two decimals.</summary>
public sealed record Gstr1HsnRow(
    [property: JsonPropertyName("num")] int Num,
    [property: JsonPropertyName("hsn_sc")] string HsnSc,
    [property: JsonPropertyName("uqc")] string Uqc,
    [property: JsonPropertyName("qty")] decimal Qty,
    [property: JsonPropertyName("rt")] decimal Rt,
    [property: JsonPropertyName("txval")] decimal Txval,
    [property: JsonPropertyName("iamt")] decimal Iamt,
    [property: JsonPropertyName("camt")] decimal Camt,
    [property: JsonPropertyName("samt")] decimal Samt,
    [property: JsonPropertyName("csamt")] decimal Csamt);

/// <summary>The documents issued in the period.</summary>
public sealed record Gstr1DocIssue([property: JsonPropertyName("doc_det")] IReadOnlyList<Gstr1DocNature> DocDet);

/// <summary>The series of one nature of document: 1 invoices for outward supply, 5 credit notes.</summary>
public sealed record Gstr1DocNature(
    [property: JsonPropertyName("doc_num")] int DocNum,
    [property: JsonPropertyName("docs")] IReadOnlyList<Gstr1DocSeries> Docs);

/// <summary>One series: its first and last number in the period, how many HQ holds, how many were cancelled, and the
/// difference.</summary>
public sealed record Gstr1DocSeries(
    [property: JsonPropertyName("num")] int Num,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("totnum")] long Totnum,
    [property: JsonPropertyName("cancel")] long Cancel,
    [property: JsonPropertyName("net_issue")] long NetIssue);
