namespace VideoAspire.Core.Video.Pipeline;

/// <summary>
/// A finished segment, announced while ffmpeg keeps working. <see cref="Start"/> is where it really begins in
/// the input; <see cref="Duration"/> is read from the segment file itself. The files are deleted once the
/// announcement's handler returns.
/// </summary>
public sealed record ProducedSegment(int Index, TimeSpan Start, TimeSpan Duration, long SizeBytes, string Path, string? ThumbnailPath);
