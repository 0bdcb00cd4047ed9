using TillSync.Hq.Accounting;

namespace TillSync.Hq.Gst;

/// <summary>The sections of GSTR-1 a supplied document goes to.</summary>
public enum Gstr1Section
{
    /// <summary>An invoice to a registered buyer.</summary>
    B2b = 1,

    /// <summary>An inter-state invoice to an unregistered buyer above the B2CL limit (<see cref="B2cLarge"/>).</summary>
    B2cl,

    /// <summary>Every other B2C invoice, and the credit notes against them, summed by place and rate.</summary>
    B2cs,

    /// <summary>A credit note to a registered buyer.</summary>
    Cdnr,

    /// <summary>A credit note to an unregistered buyer against a B2CL invoice.</summary>
    Cdnur,
}

/// <summary>Which section a document goes to, and the sections' names as the portal writes them.</summary>
public static class Gstr1Sections
{
    /// <summary>The sections in the return's order.</summary>
    public static IReadOnlyList<Gstr1Section> All { get; } = [Gstr1Section.B2b, Gstr1Section.B2cl, Gstr1Section.B2cs, Gstr1Section.Cdnr, Gstr1Section.Cdnur];

    /// <summary>The section of a supplied <paramref name="document"/>.</summary>
    public static Gstr1Section Of(Gstr1Document document) => document.Kind == SupplyDocument.Invoice
        ? document.BuyerGstin is not null ? Gstr1Section.B2b
            : document.InterState && B2cLarge.Exceeds(document.TotalPaise, document.Date) ? Gstr1Section.B2cl : Gstr1Section.B2cs
        : document.BuyerGstin is not null ? Gstr1Section.Cdnr
            : document.AgainstLargeInvoice ? Gstr1Section.Cdnur : Gstr1Section.B2cs;

    /// <summary>The portal's key of <paramref name="section"/>.</summary>
    public static string Name(Gstr1Section section) => section switch
    {
        Gstr1Section.B2b => "b2b",
        Gstr1Section.B2cl => "b2cl",
        Gstr1Section.B2cs => "b2cs",
        Gstr1Section.Cdnr => "cdnr",
        Gstr1Section.Cdnur => "cdnur",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "not a GSTR-1 section"),
    };

    /// <summary>+1 for a section that adds to the period's supplies, −1 for one that takes away (credit notes).</summary>
    public static int Sign(Gstr1Section section) => section is Gstr1Section.Cdnr or Gstr1Section.Cdnur ? -1 : 1;
}
