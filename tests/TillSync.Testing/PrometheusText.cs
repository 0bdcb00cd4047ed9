// Reads a Prometheus scrape (the text exposition format) into samples, and checks it with Debian's `promtool check
// metrics`, so that a metrics test asserts on the numbers a Prometheus server would store.
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TillSync.Testing;

/// <summary>One scrape of a <c>/metrics</c> endpoint.</summary>
public sealed partial class PrometheusText
{
    private PrometheusText(string text, IReadOnlyList<Sample> samples)
    {
        Text = text;
        Samples = samples;
    }

    /// <summary>The scrape as served.</summary>
    public string Text { get; }

    /// <summary>Every sample line.</summary>
    public IReadOnlyList<Sample> Samples { get; }

    /// <summary>GETs <c>/metrics</c> with <paramref name="http"/> and parses it; fails unless it answers 200.</summary>
    public static async Task<PrometheusText> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.IsSuccessStatusCode, $"/metrics answered {(int)response.StatusCode}: {text}");
        return Parse(text);
    }

    /// <summary>Parses the text format's sample lines (comments skipped).</summary>
    public static PrometheusText Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Xunit.Assert.True(match.Success, $"not a sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
            samples.Add(new Sample(match.Groups["name"].Value, labels,
                double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return new PrometheusText(text, samples);
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include <paramref name="labels"/>
    /// (0 when there are none, as a counter that never moved is absent).</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).Sum(s => s.Value);

    /// <summary>True when a sample named <paramref name="name"/> with <paramref name="labels"/> is present.</summary>
    public bool Has(string name, params (string Label, string Value)[] labels) =>
        Samples.Any(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value));

    /// <summary>Runs <c>promtool check metrics</c> on the scrape; fails with promtool's output unless it passes.</summary>
    public async Task AssertPromtoolPassesAsync()
    {
        using var promtool = Process.Start(new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await promtool.StandardInput.WriteAsync(Text);
        promtool.StandardInput.Close();
        var output = await promtool.StandardOutput.ReadToEndAsync();
        var errors = await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        Xunit.Assert.True(promtool.ExitCode == 0, $"promtool check metrics exited {promtool.ExitCode}:\n{output}{errors}");
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \S+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<name>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)",?""")]
    private static partial Regex LabelPair();

    /// <summary>One sample: a metric name, its labels and its value.</summary>
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
