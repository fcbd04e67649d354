using System.Globalization;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>
/// Reads the CSV segment list ffmpeg's segment muxer writes ("file,start,end" per line), returning the
/// entries not yet seen. ffmpeg adds a line only when that segment's file is complete.
/// </summary>
public sealed class SegmentListReader(string path)
{
    private int _seen;

    public IReadOnlyList<SegmentListEntry> ReadNew()
    {
        if (!File.Exists(path))
        {
            return [];
        }

        string[] lines;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream))
        {
            lines = reader.ReadToEnd().Split('\n');
        }

        // The last element is complete only when the text ended with a newline.
        var complete = lines.Take(lines.Length - 1).Where(l => l.Length > 0).ToList();
        var fresh = complete.Skip(_seen).Select(Parse).ToList();
        _seen = complete.Count;
        return fresh;
    }

    internal static SegmentListEntry Parse(string line)
    {
        var parts = line.TrimEnd('\r').Split(',');
        if (parts.Length < 3)
        {
            throw new InvalidDataException($"Unexpected segment list line: '{line}'.");
        }

        var end = double.Parse(parts[^1], CultureInfo.InvariantCulture);
        var start = double.Parse(parts[^2], CultureInfo.InvariantCulture);
        return new SegmentListEntry(string.Join(',', parts[..^2]), TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end));
    }
}

/// <summary>One finished segment file with its start and end on the input's timeline.</summary>
public sealed record SegmentListEntry(string FileName, TimeSpan Start, TimeSpan End);
