using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace TillSync.Core.EInvoicing;

/// <summary>The normalized NIC e-invoice schema v1.1 (draft-07, embedded from
/// <c>shared/einvoice/einvoice_schema_v1.1_normalized_draft07.json</c>): HQ checks a payload before it sends it,
/// the IRP simulator before it registers one (error 2140).</summary>
public static class EInvoiceSchema
{
    private const string ResourceName = "einvoice-schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(Load);

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>The schema's text, as embedded.</summary>
    public static string Text()
    {
        using var stream = typeof(EInvoiceSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in TillSync.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Every violation of the schema by <paramref name="payload"/>, each as "location: message" (e.g.
    /// "/ItemList/0/HsnCd: …"); empty when the payload is valid.</summary>
    public static IReadOnlyList<string> Violations(JsonElement payload)
    {
        var results = Schema.Value.Evaluate(payload, Options);
        if (results.IsValid)
        {
            return [];
        }

        var violations = new List<string>();
        foreach (var detail in results.Details ?? [])
        {
            foreach (var (_, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                var location = detail.InstanceLocation.ToString();
                violations.Add(string.Create(CultureInfo.InvariantCulture, $"{(location.Length == 0 ? "/" : location)}: {message}"));
            }
        }

        // A failure without a message of its own still fails.
        return violations.Count > 0 ? violations.Distinct().ToList() : ["/: the payload does not match the e-invoice schema"];
    }

    /// <summary>The violations of a JSON text; a text that is not JSON is one violation.</summary>
    public static IReadOnlyList<string> Violations(string payloadJson)
    {
        try
        {
            using var document = JsonDocument.Parse(payloadJson);
            return Violations(document.RootElement);
        }
        catch (JsonException e)
        {
            return [$"/: not JSON ({e.Message})"];
        }
    }

    private static JsonSchema Load() => JsonSchema.FromText(Text());
}
