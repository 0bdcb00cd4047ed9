// Proves Gstin.IsValid accepts real GSTINs and rejects malformed ones (and, under the sandbox rule, takes the e-invoice
// schema's pattern with a known state code), and StateCodes knows the GST state codes.
// How: the GSTINs of the e-invoice samples, a property that any one-character change breaks the check character, and edge cases.
using CsCheck;
using TillSync.Core.Tax;
using TillSync.Core.Tests.Orders;

namespace TillSync.Core.Tests.Tax;

public sealed class GstinTests
{
    private const string CodePoints = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    [Theory]
    [InlineData("29AABCH1234K1ZN")]
    [InlineData("29AAACR5055K1Z3")]
    [InlineData("27AAACS7319F1ZE")]
    public void IsValid_SampleGstins_AreValid(string gstin)
    {
        Assert.True(Gstin.IsValid(gstin));
        Assert.Equal(gstin[14], Gstin.CheckCharacter(gstin));
    }

    [Fact]
    public void IsValid_AnySingleCharacterChange_IsInvalid()
    {
        var printable = Gen.Char[(char)0x20, (char)0x7E];
        Gen.Select(Gen.OneOfConst(OrderGen.ValidGstins), Gen.Int[0, Gstin.Length - 1], Gen.OneOf(Gen.Char[CodePoints], printable))
            .Where((gstin, position, replacement) => gstin[position] != replacement)
            .Sample((gstin, position, replacement) =>
            {
                var changed = string.Concat(gstin.AsSpan(0, position), replacement.ToString(), gstin.AsSpan(position + 1));

                Assert.False(Gstin.IsValid(changed), changed);
            }, iter: 5_000);
    }

    [Fact]
    public void IsValid_AnyBodyWithItsCheckCharacter_IsValid()
    {
        Gen.Select(OrderGen.StateCode, Gen.Char[CodePoints].Array[12, 12], (state, body) => state + new string(body))
            .Sample(first14 =>
            {
                var gstin = first14 + Gstin.CheckCharacter(first14 + "0");

                Assert.True(Gstin.IsValid(gstin), gstin);
                Assert.True(Gstin.IsValid(gstin, GstinRule.Sandbox), gstin); // the sandbox rule is only ever looser
                Assert.Equal(first14[..2], Gstin.StateCode(gstin));
            }, iter: 2_000);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("29AABCH1234K1Z")]
    [InlineData("29AABCH1234K1ZNN")]
    [InlineData("29aabch1234k1zn")]
    [InlineData(" 29AABCH1234K1ZN")]
    [InlineData("29AABCH1234K1ZN ")]
    [InlineData("29AABCH1234K1ZN\n")]
    [InlineData("29AABCH1234K1ZM")]
    public void IsValid_Malformed_IsInvalid(string? gstin)
    {
        Assert.False(Gstin.IsValid(gstin));
    }

    [Theory]
    [InlineData("00")]
    [InlineData("39")]
    [InlineData("96")]
    [InlineData("98")]
    [InlineData("99")]
    public void IsValid_UnknownStateWithRightCheckCharacter_IsInvalid(string state)
    {
        var first14 = state + "AABCH1234K1Z";
        var gstin = first14 + Gstin.CheckCharacter(first14 + "0");

        Assert.False(Gstin.IsValid(gstin));
    }

    [Theory]
    [InlineData("01", true)]
    [InlineData("29", true)]
    [InlineData("38", true)]
    [InlineData("97", true)]
    [InlineData("00", false)]
    [InlineData("39", false)]
    [InlineData("1", false)]
    [InlineData("029", false)]
    [InlineData("2A", false)]
    [InlineData("٢٩", false)]
    [InlineData(null, false)]
    public void StateCodes_IsValid_KnowsGstStateCodes(string? code, bool expected)
    {
        Assert.Equal(expected, StateCodes.IsValid(code));
    }

    [Theory]
    [InlineData("29AAFCD5862R000")] // NIC sandbox style: no 'Z', no check character
    [InlineData("29AABCH1234K1ZM")] // a real GSTIN's shape with the wrong check character
    public void SandboxRule_TakesTheSchemasPattern_TheCheckedRuleDoesNot(string gstin)
    {
        Assert.True(Gstin.IsValid(gstin, GstinRule.Sandbox));
        Assert.False(Gstin.IsValid(gstin, GstinRule.Checked));
        Assert.False(Gstin.IsValid(gstin));
    }

    [Theory]
    [InlineData("29aafcd5862r000")] // capitals only
    [InlineData("29AAFCD5862R00")] // 14 characters
    [InlineData("29AAFCD5862R0000")] // 16
    [InlineData("99AAFCD5862R000")] // no such state: the place of supply comes from it
    [InlineData("2XAAFCD5862R000")] // the state code is two digits
    [InlineData("29AAFCD5862R00-")]
    [InlineData(null)]
    public void SandboxRule_RefusesWhatTheSchemaOrTheStateCodesRefuse(string? gstin) =>
        Assert.False(Gstin.IsValid(gstin, GstinRule.Sandbox));

    [Theory]
    [InlineData(null, GstinRule.Checked)]
    [InlineData("sandbox", GstinRule.Sandbox)]
    [InlineData("stricter-in-a-later-release", GstinRule.Checked)]
    public void RuleNames_MapBothWays(string? name, GstinRule rule)
    {
        Assert.Equal(rule, GstinRules.Parse(name));
        if (name != "stricter-in-a-later-release")
        {
            Assert.Equal(name, GstinRules.Name(rule));
        }
    }
}
