using System.Buffers.Binary;

namespace VideoAspire.Core.Video.Pipeline;

/// <summary>
/// Reads the duration of an MP4's video track from its header ('moov/trak/mdia/mdhd' of the track whose
/// handler is 'vide') without starting a process: the figure ffprobe reports as the video stream's duration.
/// Cheap enough to run on every segment.
/// </summary>
public static class Mp4Duration
{
    public static TimeSpan ReadVideo(string path)
    {
        using var stream = File.OpenRead(path);
        var moov = Children(stream, 0, stream.Length).FirstOrDefault(b => b.Type == "moov")
            ?? throw new InvalidDataException($"'{path}' has no 'moov' box.");
        foreach (var trak in Children(stream, moov.Payload, moov.End).Where(b => b.Type == "trak"))
        {
            var mdia = Children(stream, trak.Payload, trak.End).FirstOrDefault(b => b.Type == "mdia");
            if (mdia is null)
            {
                continue;
            }

            var boxes = Children(stream, mdia.Payload, mdia.End);
            if (boxes.FirstOrDefault(b => b.Type == "hdlr") is { } hdlr && HandlerType(stream, hdlr) == "vide"
                && boxes.FirstOrDefault(b => b.Type == "mdhd") is { } mdhd)
            {
                return MediaDuration(stream, mdhd);
            }
        }

        throw new InvalidDataException($"'{path}' has no video track.");
    }

    private static string HandlerType(Stream stream, Box hdlr)
    {
        Span<byte> header = stackalloc byte[12];
        stream.Position = hdlr.Payload;
        stream.ReadExactly(header);
        return System.Text.Encoding.ASCII.GetString(header[8..12]);
    }

    private static TimeSpan MediaDuration(Stream stream, Box mdhd)
    {
        Span<byte> header = stackalloc byte[32];
        stream.Position = mdhd.Payload;
        stream.ReadExactly(header);
        var (timescale, duration) = header[0] == 1
            ? (BinaryPrimitives.ReadUInt32BigEndian(header[20..]), BinaryPrimitives.ReadUInt64BigEndian(header[24..]))
            : (BinaryPrimitives.ReadUInt32BigEndian(header[12..]), BinaryPrimitives.ReadUInt32BigEndian(header[16..]));
        return timescale == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)duration / timescale);
    }

    /// <summary>The boxes directly inside [start, end).</summary>
    private static List<Box> Children(Stream stream, long start, long end)
    {
        var boxes = new List<Box>();
        Span<byte> header = stackalloc byte[16];
        var position = start;
        while (position + 8 <= end)
        {
            stream.Position = position;
            stream.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerLength = 8;
            if (size == 1)
            {
                stream.ReadExactly(header[8..16]);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = end - position; // extends to the end
            }

            if (size < headerLength || position + size > end)
            {
                throw new InvalidDataException("Corrupt MP4 box size.");
            }

            boxes.Add(new Box(System.Text.Encoding.ASCII.GetString(header[4..8]), position + headerLength, position + size));
            position += size;
        }

        return boxes;
    }

    private sealed record Box(string Type, long Payload, long End);
}
