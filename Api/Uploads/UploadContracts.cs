using System.ComponentModel.DataAnnotations;

namespace VideoAspire.Api.Uploads;

/// <summary>What the client declares about the file it will upload.</summary>
public sealed record CreateUploadRequest(
    [property: Required, StringLength(255, MinimumLength = 1)] string FileName,
    [property: Required, StringLength(100, MinimumLength = 3)] string ContentType,
    [property: Range(1, long.MaxValue)] long SizeBytes);

/// <summary>A presigned PUT: send the file's bytes to <paramref name="Url"/> with the given headers.</summary>
public sealed record UploadResponse(
    string UploadId, string Key, string Url, string Method, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ExpiresAt);

public sealed record MultipartUploadResponse(
    string UploadId, string Key, string MultipartUploadId, long PartSizeBytes, int PartCount,
    IReadOnlyList<PartUrl> Parts, DateTimeOffset ExpiresAt);

public sealed record PartUrl(int PartNumber, string Url);

/// <summary>More part URLs; with the declared <paramref name="SizeBytes"/> each URL is bound to its part's length.</summary>
public sealed record PartUrlsRequest(
    [property: Required, StringLength(1024, MinimumLength = 1)] string MultipartUploadId,
    [property: Required, MinLength(1), MaxLength(1000)] int[] PartNumbers,
    [property: Range(1, long.MaxValue)] long? SizeBytes = null);

public sealed record PartUrlsResponse(IReadOnlyList<PartUrl> Parts, DateTimeOffset ExpiresAt);

/// <summary>
/// The uploaded parts' ETags. <paramref name="Parts"/> is a list, not an array: .NET 10's validation generator
/// checks the attributes of a list's elements (a part number of 0 is a 400 naming "parts[0].partNumber") but not of an array's.
/// </summary>
public sealed record CompleteMultipartRequest(
    [property: Required, StringLength(1024, MinimumLength = 1)] string MultipartUploadId,
    [property: Required, MinLength(1), MaxLength(UploadOptions.MaxParts)] IReadOnlyList<CompletedPart> Parts);

public sealed record CompletedPart(
    [property: Range(1, UploadOptions.MaxParts)] int PartNumber,
    [property: Required, StringLength(200, MinimumLength = 1)] string ETag);

public sealed record CompletedUploadResponse(string UploadId, string Key, long SizeBytes);
