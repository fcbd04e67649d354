namespace VideoAspire.Core.Video.Overlays;

/// <summary>Text burned onto segments: none, one for all, or one per segment.</summary>
public sealed record TextOverlay
{
    public const int MaxTextLength = 500;
    public const int MaxLines = 5;

    public static readonly TextOverlay None = new();

    public OverlayMode Mode { get; init; } = OverlayMode.None;

    /// <summary>The text for <see cref="OverlayMode.AllSegments"/>.</summary>
    public string? Text { get; init; }

    /// <summary>The texts for <see cref="OverlayMode.PerSegment"/>, by segment index.</summary>
    public IReadOnlyList<string>? Texts { get; init; }

    public OverlayStyle Style { get; init; } = new();

    public static TextOverlay ForAll(string text, OverlayStyle? style = null) =>
        new() { Mode = OverlayMode.AllSegments, Text = text, Style = style ?? new() };

    public static TextOverlay PerSegment(IReadOnlyList<string> texts, OverlayStyle? style = null) =>
        new() { Mode = OverlayMode.PerSegment, Texts = texts, Style = style ?? new() };

    public bool HasText => Mode switch
    {
        OverlayMode.AllSegments => !string.IsNullOrEmpty(Text),
        OverlayMode.PerSegment => Texts?.Any(t => !string.IsNullOrEmpty(t)) == true,
        _ => false,
    };

    /// <summary>The text for one segment, normalised (CRLF to LF), or null for none.</summary>
    public string? TextFor(int segmentIndex)
    {
        var text = Mode switch
        {
            OverlayMode.AllSegments => Text,
            OverlayMode.PerSegment when Texts is not null && segmentIndex < Texts.Count => Texts[segmentIndex],
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : Normalize(text);
    }

    /// <summary>Field errors (without font coverage, which <see cref="FontCoverage"/> checks).</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) =>
            (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        switch (Mode)
        {
            case OverlayMode.None:
                break;
            case OverlayMode.AllSegments:
                if (string.IsNullOrWhiteSpace(Text))
                {
                    Add(nameof(Text), "Required when Mode is AllSegments.");
                }
                else
                {
                    ValidateText(nameof(Text), Text, Add);
                }

                break;
            case OverlayMode.PerSegment:
                if (Texts is null || Texts.Count == 0)
                {
                    Add(nameof(Texts), "At least one text is required when Mode is PerSegment.");
                }
                else
                {
                    for (var i = 0; i < Texts.Count; i++)
                    {
                        ValidateText($"{nameof(Texts)}[{i}]", Texts[i] ?? "", Add);
                    }
                }

                break;
            default:
                Add(nameof(Mode), "Unknown overlay mode.");
                break;
        }

        foreach (var (field, message) in Style.Validate())
        {
            Add($"{nameof(Style)}.{field}", message);
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void ValidateText(string field, string text, Action<string, string> add)
    {
        var normalized = Normalize(text);
        if (normalized.Length > MaxTextLength)
        {
            add(field, $"At most {MaxTextLength} characters.");
        }

        if (normalized.Split('\n').Length > MaxLines)
        {
            add(field, $"At most {MaxLines} lines.");
        }

        if (normalized.Any(c => char.IsControl(c) && c != '\n'))
        {
            add(field, "Control characters other than line breaks are not allowed.");
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
