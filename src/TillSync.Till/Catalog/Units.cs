namespace TillSync.Till.Catalog;

/// <summary>The UQC units a till sells in fractions (weight, volume, length); everything else counts whole pieces.</summary>
public static class Units
{
    /// <summary>True when <paramref name="unit"/> may be sold (and taken back) in fractions.</summary>
    public static bool IsFractional(string? unit) => unit is "KGS" or "GMS" or "LTR" or "MLT" or "MTR" or "QTL" or "TON";
}
