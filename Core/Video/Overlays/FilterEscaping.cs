using System.Text;

namespace VideoAspire.Core.Video.Overlays;

/// <summary>
/// Escapes a value for an ffmpeg filter option inside a filtergraph (both levels of ffmpeg's quoting
/// rules). Used only for values we control, such as file paths; user text never enters a filtergraph.
/// </summary>
public static class FilterEscaping
{
    public static string OptionValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // Level 1: the option parser treats \ ' : specially.
        var level1 = new StringBuilder();
        foreach (var c in value)
        {
            if (c is '\\' or '\'' or ':')
            {
                level1.Append('\\');
            }

            level1.Append(c);
        }

        // Level 2: the filtergraph parser treats \ ' [ ] , ; specially.
        var level2 = new StringBuilder();
        foreach (var c in level1.ToString())
        {
            if (c is '\\' or '\'' or '[' or ']' or ',' or ';')
            {
                level2.Append('\\');
            }

            level2.Append(c);
        }

        return level2.ToString();
    }
}
