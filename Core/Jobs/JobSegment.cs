namespace VideoAspire.Core.Jobs;

/// <summary>A stored segment of a completed job: where it starts in the input, how long it is, and its objects.</summary>
public sealed record JobSegment(int Index, double StartSeconds, double DurationSeconds, long SizeBytes, string Key, string? ThumbnailKey);
