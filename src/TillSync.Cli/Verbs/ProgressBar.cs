using System.Globalization;

namespace TillSync.Cli.Verbs;

/// <summary>A one-line text progress bar redrawn in place (carriage return) on an operator's terminal, for long work
/// whose total is known: <c>exporting [#########---------------------] 450/1000</c>, optionally followed by a detail.</summary>
public sealed class ProgressBar(TextWriter output, string label, long total)
{
    private const int WidthChars = 30;
    private long _done;
    private string? _drawn;

    /// <summary>One more unit done; redraws when the bar grows.</summary>
    public void Advance() => Show(_done + 1);

    /// <summary><paramref name="done"/> units done so far; redraws when the bar or <paramref name="detail"/> changes.</summary>
    public void Show(long done, string detail = "")
    {
        _done = done;
        var chars = Chars();
        var key = $"{chars} {detail}";
        if (key != _drawn)
        {
            _drawn = key;
            Draw(chars, detail);
        }
    }

    /// <summary>Draws the bar full and ends its line.</summary>
    public void Finish(string detail = "")
    {
        Draw(WidthChars, detail);
        output.WriteLine();
        output.Flush();
    }

    /// <summary>Work that ended before it was done: draws the bar as far as it got, with <paramref name="detail"/>, and ends its line.</summary>
    public void Stop(string detail)
    {
        Draw(Chars(), detail);
        output.WriteLine();
        output.Flush();
    }

    private int Chars() => total <= 0 ? WidthChars : (int)Math.Clamp(_done * WidthChars / total, 0, WidthChars);

    private void Draw(int chars, string detail)
    {
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{label} [{new string('#', chars)}{new string('-', WidthChars - chars)}] {_done}/{total}{(detail.Length == 0 ? "" : " " + detail)}   "));
        output.Flush();
    }
}
