using System.Text.RegularExpressions;

namespace VideoAspire.Core.Video.Overlays;

/// <summary>Font size in pixels of the output picture, colour (a name or #RRGGBB), position and background.</summary>
public sealed partial record OverlayStyle
{
    public const int MinFontSize = 8;
    public const int MaxFontSize = 300;

    /// <summary>Colour names accepted besides #RRGGBB (a subset every ffmpeg knows).</summary>
    public static readonly IReadOnlySet<string> ColorNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "white", "black", "red", "green", "blue", "yellow", "cyan", "magenta", "orange", "gray", "silver", "pink", "purple",
    };

    public int FontSize { get; init; } = 48;

    public string Color { get; init; } = "white";

    public OverlayPosition Position { get; init; } = OverlayPosition.Bottom;

    public OverlayBackground Background { get; init; } = OverlayBackground.Outline;

    /// <summary>The colour as ffmpeg wants it: a known name, or 0xRRGGBB.</summary>
    public string FfmpegColor => Color.StartsWith('#') ? "0x" + Color[1..] : Color.ToLowerInvariant();

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (FontSize is < MinFontSize or > MaxFontSize)
        {
            yield return (nameof(FontSize), $"Must be between {MinFontSize} and {MaxFontSize} pixels.");
        }

        if (Color is null || !(ColorNames.Contains(Color) || HexColor().IsMatch(Color)))
        {
            yield return (nameof(Color), $"Must be #RRGGBB or one of: {string.Join(", ", ColorNames)}.");
        }

        if (!Enum.IsDefined(Position))
        {
            yield return (nameof(Position), "Unknown position.");
        }

        if (!Enum.IsDefined(Background))
        {
            yield return (nameof(Background), "Unknown background.");
        }
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColor();
}
