using VideoAspire.Core.Video.Planning;

namespace VideoAspire.Core.Video.Overlays;

/// <summary>
/// Text burned onto segments: none, one for all, or one per segment. Bounded so a job stays small: it is one
/// DynamoDB item (400 KB at most, with up to <see cref="CuttingOptions.MaximumSegmentLimit"/> segments in it) and
/// the options travel in the Lambda event (256 KB for an asynchronous invoke).
/// </summary>
public sealed record TextOverlay
{
    /// <summary>Characters of one text (line breaks count): five lines that fit across a picture at the default font size.</summary>
    public const int MaxTextLength = 200;
    public const int MaxLines = 5;

    /// <summary>
    /// Characters of all per-segment texts together (10 a segment at 1,000 segments, 50 at 200). Stored as JSON, a
    /// character takes at most 6 bytes (\uXXXX), so the texts take at most 60 KB of the item, beside about 240 KB
    /// for the list of 1,000 stored segments.
    /// </summary>
    public const int MaxTotalTextLength = 10_000;

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

    /// <summary>
    /// Field errors (without font coverage, which <see cref="FontCoverage"/> checks). <paramref name="maxSegments"/> is the
    /// most segments the plan may have (the request's <see cref="CuttingOptions.MaxSegments"/>): per-segment mode takes
    /// at most one text per segment. How many segments the video gives is only known after probing; texts beyond
    /// the plan's last segment are not drawn.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Validate(int maxSegments = CuttingOptions.MaximumSegmentLimit)
    {
        maxSegments = Math.Clamp(maxSegments, 1, CuttingOptions.MaximumSegmentLimit);
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) =>
            (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        // A field of another mode would be stored (and could be any size) but never used.
        if (Text is not null && Mode != OverlayMode.AllSegments)
        {
            Add(nameof(Text), "Only with mode allSegments.");
        }

        if (Texts is not null && Mode != OverlayMode.PerSegment)
        {
            Add(nameof(Texts), "Only with mode perSegment.");
        }

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
                else if (Texts.Count > maxSegments)
                {
                    Add(nameof(Texts), $"At most {maxSegments} texts, one per segment (cutting.maxSegments); {Texts.Count} were sent.");
                }
                else
                {
                    for (var i = 0; i < Texts.Count; i++)
                    {
                        ValidateText($"{nameof(Texts)}[{i}]", Texts[i] ?? "", Add);
                    }

                    if (Texts.Sum(t => Normalize(t ?? "").Length) is var total and > MaxTotalTextLength)
                    {
                        Add(nameof(Texts), $"At most {MaxTotalTextLength} characters in all texts together; {total} were sent.");
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
