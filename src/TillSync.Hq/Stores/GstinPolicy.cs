using TillSync.Core.Tax;

namespace TillSync.Hq.Stores;

/// <summary>How this HQ checks GSTINs, stores' and buyers' alike: <see cref="GstinRule.Checked"/>, or
/// <see cref="GstinRule.Sandbox"/> when it runs against NIC's sandbox (<c>--irp-sandbox</c>), whose test GSTINs fail the
/// check character. The snapshot carries the rule to the tills, so that they accept the same buyers HQ does.</summary>
/// <param name="Rule">The rule.</param>
public sealed record GstinPolicy(GstinRule Rule)
{
    /// <summary>Whether <paramref name="gstin"/> passes the rule.</summary>
    public bool IsValid(string? gstin) => Gstin.IsValid(gstin, Rule);

    /// <summary>What a GSTIN must be under the rule, in words for a refusal.</summary>
    public string Requirement => Rule == GstinRule.Sandbox
        ? "the e-invoice schema's pattern (two digits, then 13 digits or capitals) with a known state code"
        : "15 characters with a correct check character";
}
