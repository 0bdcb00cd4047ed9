namespace TillSync.Core.Tax;

/// <summary>How strictly a GSTIN is checked (docs/einvoice.md, "NIC's sandbox").</summary>
public enum GstinRule
{
    /// <summary>Every GSTIN the GST network issues: a state code, base-36 characters and the right check character.</summary>
    Checked = 1,

    /// <summary>NIC's e-invoice sandbox, whose test GSTINs fail the check character (and often the 'Z'): only the
    /// e-invoice schema's pattern, two digits then 13 digits or capitals, with a known state code. Set on HQ with <c>--irp-sandbox</c> and carried
    /// to the tills in the snapshot; never for a live store.</summary>
    Sandbox,
}

/// <summary>The rule's name on the wire (the snapshot's <c>gstinRule</c>): mapped here only.</summary>
public static class GstinRules
{
    /// <summary>The sandbox rule's name; the checked rule is sent as no name at all.</summary>
    public const string Sandbox = "sandbox";

    /// <summary>The rule a wire name stands for: <c>sandbox</c>, else (null, or a name this release does not know, which
    /// can only be stricter) the checked rule.</summary>
    public static GstinRule Parse(string? name) => name == Sandbox ? GstinRule.Sandbox : GstinRule.Checked;

    /// <summary>The wire name of <paramref name="rule"/>; null for the checked rule.</summary>
    public static string? Name(GstinRule rule) => rule == GstinRule.Sandbox ? Sandbox : null;
}
