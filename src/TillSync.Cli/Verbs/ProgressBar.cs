using System.Globalization;

namespace TillSync.Cli.Verbs;

/// <summary>A one-line text progress bar redrawn in place (carriage return) on an operator's terminal, for long work
/// whose total is known: <c>exporting [#########-----------] 450/1000</c>.</summary>
public sealed class ProgressBar(TextWriter output, string label, long total)
{
    private const int WidthChars = 30;
    private long _done;
    private int _drawnChars = -1;

    /// <summary>One more unit done; redraws when the bar grows.</summary>
    public void Advance()
    {
        _done++;
        var chars = total <= 0 ? WidthChars : (int)Math.Min(WidthChars, _done * WidthChars / total);
        if (chars != _drawnChars)
        {
            Draw(chars);
        }
    }

    /// <summary>Draws the bar full and ends its line.</summary>
    public void Finish()
    {
        Draw(WidthChars);
        output.WriteLine();
        output.Flush();
    }

    private void Draw(int chars)
    {
        _drawnChars = chars;
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{label} [{new string('#', chars)}{new string('-', WidthChars - chars)}] {_done}/{total}"));
        output.Flush();
    }
}
