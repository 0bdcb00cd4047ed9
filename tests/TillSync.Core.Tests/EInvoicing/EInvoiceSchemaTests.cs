// Proves the embedded normalized schema and its validator: NIC's sample payloads pass, broken ones fail naming the field.
// How: the three samples from shared/einvoice (copied beside the tests) and single-field corruptions of one of them.
using System.Text.Json.Nodes;
using TillSync.Core.EInvoicing;

namespace TillSync.Core.Tests.EInvoicing;

public sealed class EInvoiceSchemaTests
{
    [Theory]
    [InlineData("sample_b2b_intrastate_inv.json")]
    [InlineData("sample_b2b_interstate_inv_with_ewb.json")]
    [InlineData("sample_b2b_credit_note.json")]
    public void Violations_NicSamples_AreNone(string file)
    {
        Assert.Empty(EInvoiceSchema.Violations(Sample(file)));
    }

    [Fact]
    public void Violations_BadHsnCode_NamesTheField()
    {
        var payload = JsonNode.Parse(Sample("sample_b2b_intrastate_inv.json"))!;
        payload["ItemList"]![1]!["HsnCd"] = "12";

        var violations = EInvoiceSchema.Violations(payload.ToJsonString());

        Assert.Contains(violations, v => v.StartsWith("/ItemList/1/HsnCd:", StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_MissingValueDetailsAndLowerCaseType_AreBothReported()
    {
        var payload = JsonNode.Parse(Sample("sample_b2b_intrastate_inv.json"))!.AsObject();
        payload.Remove("ValDtls");
        payload["DocDtls"]!["Typ"] = "inv";

        var violations = EInvoiceSchema.Violations(payload.ToJsonString());

        Assert.Contains(violations, v => v.Contains("ValDtls", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("/DocDtls/Typ:", StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_NotJson_IsOneViolation()
    {
        Assert.Single(EInvoiceSchema.Violations("{\"Version\": "));
    }

    [Fact]
    public void Text_IsTheNormalizedDraft07Schema()
    {
        var schema = JsonNode.Parse(EInvoiceSchema.Text())!;

        Assert.Equal("http://json-schema.org/draft-07/schema#", schema["$schema"]!.GetValue<string>());
        Assert.Equal("urn:hellobooks:einvoice:nic-inv01-v1.1:normalized", schema["$id"]!.GetValue<string>());
    }

    private static string Sample(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "EInvoicing", file));
}
