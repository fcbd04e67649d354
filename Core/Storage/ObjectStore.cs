using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Aws;

namespace VideoAspire.Core.Storage;

/// <summary>
/// The bucket, as the rest of the code needs it: store a file from its open stream, look an object up, delete a set of keys,
/// multipart uploads. Uploads follow <see cref="AwsConnection.UseChunkEncoding"/>; SDK types stay in here.
/// </summary>
public sealed class ObjectStore(IAmazonS3 s3, AwsConnection connection, IOptions<StorageOptions> options)
{
    public string Bucket => options.Value.BucketName;

    /// <summary>
    /// Stores an open, seekable stream; S3's failures leave as <see cref="StorageException"/>. The stream is left open
    /// (the caller owns it) and rewound by the SDK for a retry, so a caller can open a file, let its path be deleted,
    /// and upload from the open handle.
    /// </summary>
    public async Task PutStreamAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = Bucket,
                Key = key,
                InputStream = content,
                AutoCloseStream = false,
                ContentType = contentType,
                UseChunkEncoding = connection.UseChunkEncoding,
            }, cancellationToken);
        }
        catch (Exception e) when (AwsFailures.IsFailure(e, cancellationToken))
        {
            throw new StorageException($"Storing '{key}' failed: {e.Message}", AwsFailures.IsTransient(e), e);
        }
    }

    /// <summary>An uploaded object's size and the size its uploader declared (null when it carries none); null when missing.</summary>
    public async Task<StoredUpload?> GetUploadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await s3.GetObjectMetadataAsync(Bucket, key, cancellationToken);
            return new StoredUpload(metadata.ContentLength, UploadMetadata.Parse(metadata.Metadata[UploadMetadata.DeclaredSize]));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The object's size, or null when there is no such object.</summary>
    public async Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken) =>
        (await GetUploadAsync(key, cancellationToken))?.SizeBytes;

    /// <summary>Every key under a prefix.</summary>
    public async Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var item in ListAsync(prefix, cancellationToken))
        {
            keys.Add(item.Key);
        }

        return keys;
    }

    /// <summary>The bytes of the objects under <paramref name="prefix"/> stored since <paramref name="since"/>, and when the oldest of them was.</summary>
    public async Task<(long Bytes, DateTimeOffset? Oldest)> SumStoredSinceAsync(string prefix, DateTimeOffset since, CancellationToken cancellationToken)
    {
        long bytes = 0;
        DateTimeOffset? oldest = null;
        await foreach (var item in ListAsync(prefix, cancellationToken))
        {
            var modified = item.LastModified ?? DateTime.MinValue;
            var stored = new DateTimeOffset(modified.Kind == DateTimeKind.Local ? modified.ToUniversalTime() : DateTime.SpecifyKind(modified, DateTimeKind.Utc));
            if (stored >= since)
            {
                bytes += item.Size ?? 0;
                oldest = oldest is null || stored < oldest ? stored : oldest;
            }
        }

        return (bytes, oldest);
    }

    /// <summary>Deletes the keys, 1000 a request; a failed request, or any key S3 could not delete, is a <see cref="StorageException"/>.</summary>
    public async Task DeleteKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        foreach (var batch in keys.Chunk(1000))
        {
            DeleteObjectsResponse response;
            try
            {
                response = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
                {
                    BucketName = Bucket,
                    Objects = [.. batch.Select(k => new KeyVersion { Key = k })],
                    Quiet = true,
                }, cancellationToken);
            }
            catch (Exception e) when (AwsFailures.IsFailure(e, cancellationToken))
            {
                throw new StorageException($"Deleting {batch.Length} objects failed: {e.Message}", AwsFailures.IsTransient(e), e);
            }

            if (response.DeleteErrors is { Count: > 0 } errors)
            {
                throw new StorageException($"Could not delete {errors.Count} objects, e.g. '{errors[0].Key}': {errors[0].Message}",
                    isTransient: errors[0].Code is not "AccessDenied");
            }
        }
    }

    public async Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken) =>
        await DeleteKeysAsync([.. await ListKeysAsync(prefix, cancellationToken)], cancellationToken);

    /// <summary>Starts a multipart upload; the declared size is set here, by the server, as the object's metadata.</summary>
    public async Task<string> StartMultipartAsync(string key, string contentType, long declaredSizeBytes, CancellationToken cancellationToken) =>
        (await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = key,
            ContentType = contentType,
            Metadata = { [UploadMetadata.DeclaredSize] = UploadMetadata.Format(declaredSizeBytes) },
        }, cancellationToken)).UploadId;

    public async Task CompleteMultipartAsync(
        string key, string uploadId, IEnumerable<(int PartNumber, string ETag)> parts, CancellationToken cancellationToken) =>
        await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = key,
            UploadId = uploadId,
            PartETags = [.. parts.Select(p => new PartETag(p.PartNumber, p.ETag))],
        }, cancellationToken);

    /// <summary>
    /// Aborts a multipart upload. An id that is unknown, already aborted or completed, or not the key's throws
    /// <see cref="AmazonS3Exception"/> with 404 (S3's NoSuchUpload; the embedded s3rver is taught the same in tools/local-aws/server.js).
    /// </summary>
    public async Task AbortMultipartAsync(string key, string uploadId, CancellationToken cancellationToken) =>
        await s3.AbortMultipartUploadAsync(Bucket, key, uploadId, cancellationToken);

    /// <summary>
    /// The parts of a multipart upload stored so far, by part number (ListParts, page by page). An id that is unknown,
    /// aborted, completed or not the key's throws <see cref="AmazonS3Exception"/> with 404, as <see cref="AbortMultipartAsync"/> does.
    /// </summary>
    public async Task<IReadOnlyList<StoredPart>> ListPartsAsync(string key, string uploadId, CancellationToken cancellationToken)
    {
        var parts = new List<StoredPart>();
        ListPartsResponse page;
        int? marker = null;
        do
        {
            page = await s3.ListPartsAsync(new ListPartsRequest
            {
                BucketName = Bucket,
                Key = key,
                UploadId = uploadId,
                PartNumberMarker = marker?.ToString(CultureInfo.InvariantCulture),
            }, cancellationToken);
            parts.AddRange((page.Parts ?? []).Select(p => new StoredPart(p.PartNumber ?? 0, p.Size ?? 0, p.ETag)));
            marker = page.NextPartNumberMarker;
        }
        while (page.IsTruncated == true);

        return parts;
    }

    /// <summary>Every object under a prefix, page by page (ListObjectsV2 with its continuation token).</summary>
    private async IAsyncEnumerable<S3Object> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await ListPageAsync(prefix, token, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                yield return item;
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
    }

    private async Task<ListObjectsV2Response> ListPageAsync(string prefix, string? token, CancellationToken cancellationToken)
    {
        try
        {
            return await s3.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = Bucket,
                Prefix = prefix,
                ContinuationToken = token,
            }, cancellationToken);
        }
        catch (Exception e) when (AwsFailures.IsFailure(e, cancellationToken))
        {
            throw new StorageException($"Listing '{prefix}' failed: {e.Message}", AwsFailures.IsTransient(e), e);
        }
    }
}
