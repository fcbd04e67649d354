using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace VideoAspire.Core.Video.Overlays;

/// <summary>
/// Which characters a TrueType/OpenType font has glyphs for, read from its 'cmap' table. Lets an overlay
/// fail clearly ("the font has no glyph for U+1F600") instead of burning empty boxes into a video.
/// </summary>
public sealed class FontCoverage
{
    private readonly (uint First, uint Last)[] _ranges;

    private FontCoverage(string fontFile, (uint First, uint Last)[] ranges)
    {
        FontFile = fontFile;
        _ranges = ranges;
    }

    public string FontFile { get; }

    public static FontCoverage Load(string fontFile)
    {
        var bytes = File.ReadAllBytes(fontFile);
        try
        {
            return new FontCoverage(fontFile, CmapReader.ReadRanges(bytes));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidDataException)
        {
            throw new InvalidDataException($"'{fontFile}' is not a TrueType/OpenType font with a Unicode cmap.", e);
        }
    }

    public bool Covers(int codePoint)
    {
        var c = (uint)codePoint;
        int lo = 0, hi = _ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (c < _ranges[mid].First)
            {
                hi = mid - 1;
            }
            else if (c > _ranges[mid].Last)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Characters of <paramref name="text"/> the font cannot draw (line breaks excepted), each once, in order.</summary>
    public IReadOnlyList<string> Missing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var missing = new List<string>();
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                missing.Add("invalid UTF-16");
                break;
            }

            span = span[consumed..];
            if (rune.Value != '\n' && !Covers(rune.Value))
            {
                var described = string.Create(CultureInfo.InvariantCulture, $"'{rune}' (U+{rune.Value:X4})");
                if (!missing.Contains(described))
                {
                    missing.Add(described);
                }
            }
        }

        return missing;
    }

    /// <summary>Reads the best Unicode subtable (format 12, else format 4) of a font's cmap.</summary>
    private static class CmapReader
    {
        public static (uint First, uint Last)[] ReadRanges(byte[] font)
        {
            var cmap = FindTable(font, "cmap");
            var subtables = U16(font, cmap + 2);
            int? format4 = null, format12 = null;
            for (var i = 0; i < subtables; i++)
            {
                var record = cmap + 4 + (i * 8);
                var platform = U16(font, record);
                var encoding = U16(font, record + 2);
                var offset = cmap + (int)U32(font, record + 4);
                var format = U16(font, offset);
                var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
                if (unicode && format == 12)
                {
                    format12 ??= offset;
                }
                else if (unicode && format == 4)
                {
                    format4 ??= offset;
                }
            }

            var ranges = format12 is { } f12 ? Format12(font, f12)
                : format4 is { } f4 ? Format4(font, f4)
                : throw new InvalidDataException("No Unicode cmap subtable of format 4 or 12.");
            return Merge(ranges);
        }

        private static List<(uint, uint)> Format12(byte[] font, int table)
        {
            var groups = U32(font, table + 12);
            var ranges = new List<(uint, uint)>((int)groups);
            for (var g = 0; g < groups; g++)
            {
                var group = table + 16 + (g * 12);
                if (U32(font, group + 8) != 0 || U32(font, group) != U32(font, group + 4))
                {
                    ranges.Add((U32(font, group), U32(font, group + 4)));
                }
            }

            return ranges;
        }

        private static List<(uint, uint)> Format4(byte[] font, int table)
        {
            var segments = U16(font, table + 6) / 2;
            var endCodes = table + 14;
            var startCodes = endCodes + (segments * 2) + 2;
            var deltas = startCodes + (segments * 2);
            var rangeOffsets = deltas + (segments * 2);
            var ranges = new List<(uint, uint)>();
            for (var s = 0; s < segments; s++)
            {
                int start = U16(font, startCodes + (s * 2)), end = U16(font, endCodes + (s * 2));
                int delta = U16(font, deltas + (s * 2)), rangeOffset = U16(font, rangeOffsets + (s * 2));
                for (var c = start; c <= end && c != 0xFFFF; c++)
                {
                    int glyph;
                    if (rangeOffset == 0)
                    {
                        glyph = (c + delta) & 0xFFFF;
                    }
                    else
                    {
                        glyph = U16(font, rangeOffsets + (s * 2) + rangeOffset + ((c - start) * 2));
                        glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                    }

                    if (glyph != 0)
                    {
                        ranges.Add(((uint)c, (uint)c));
                    }
                }
            }

            return ranges;
        }

        private static (uint First, uint Last)[] Merge(List<(uint First, uint Last)> ranges)
        {
            ranges.Sort();
            var merged = new List<(uint First, uint Last)>();
            foreach (var range in ranges)
            {
                if (merged.Count > 0 && range.First <= merged[^1].Last + 1)
                {
                    merged[^1] = (merged[^1].First, Math.Max(merged[^1].Last, range.Last));
                }
                else
                {
                    merged.Add(range);
                }
            }

            return [.. merged];
        }

        private static int FindTable(byte[] font, string tag)
        {
            var tables = U16(font, 4);
            for (var i = 0; i < tables; i++)
            {
                var record = 12 + (i * 16);
                if (Encoding.ASCII.GetString(font, record, 4) == tag)
                {
                    return (int)U32(font, record + 8);
                }
            }

            throw new InvalidDataException($"No '{tag}' table.");
        }

        private static int U16(byte[] b, int offset) => BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(offset, 2));

        private static uint U32(byte[] b, int offset) => BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(offset, 4));
    }
}
