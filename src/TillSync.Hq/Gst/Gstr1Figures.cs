namespace TillSync.Hq.Gst;

/// <summary>Taxable value and tax in paise, at one rate or summed; signed where credit notes take away.</summary>
public readonly record struct Gstr1Figures(long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise)
{
    /// <summary>The sum of two.</summary>
    public static Gstr1Figures operator +(Gstr1Figures a, Gstr1Figures b) => new(
        checked(a.TaxablePaise + b.TaxablePaise), checked(a.CgstPaise + b.CgstPaise), checked(a.SgstPaise + b.SgstPaise), checked(a.IgstPaise + b.IgstPaise));

    /// <summary>The figures times <paramref name="sign"/> (±1).</summary>
    public Gstr1Figures Times(int sign) => new(checked(TaxablePaise * sign), checked(CgstPaise * sign), checked(SgstPaise * sign), checked(IgstPaise * sign));

    /// <summary>A line's figures.</summary>
    public static Gstr1Figures Of(Gstr1Line line) => new(line.TaxablePaise, line.CgstPaise, line.SgstPaise, line.IgstPaise);

    /// <summary>A document's figures per rate, in rate order.</summary>
    public static IReadOnlyList<(int GstRateBp, Gstr1Figures Figures)> ByRate(IEnumerable<Gstr1Line> lines) =>
        [.. lines.GroupBy(l => l.GstRateBp).OrderBy(g => g.Key).Select(g => (g.Key, g.Aggregate(default(Gstr1Figures), (sum, l) => sum + Of(l))))];

    /// <summary>Paise as the portal's rupees: two decimals, always written.</summary>
    public static decimal Rupees(long paise) => paise * 0.01m;

    /// <summary>A rate in basis points as the portal's per cent: 1800 → 18, 25 → 0.25.</summary>
    public static decimal Percent(int gstRateBp) => gstRateBp / 100m;
}
