namespace VideoAspire.Core.Storage;

/// <summary>One part of a multipart upload as S3 holds it: its number, length and ETag (quoted, as S3 writes it).</summary>
public sealed record StoredPart(int PartNumber, long SizeBytes, string ETag);
