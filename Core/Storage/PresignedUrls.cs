using Amazon.S3;
using Amazon.S3.Model;
using VideoAspire.Core.Aws;

namespace VideoAspire.Core.Storage;

/// <summary>
/// Presigned S3 URLs for direct browser and ffmpeg access, so video bytes never pass through the Api.
/// Uses plain HTTP exactly when the configured endpoint is plain HTTP (emulators).
/// </summary>
public sealed class PresignedUrls(IAmazonS3 s3, AwsConnection connection, TimeProvider timeProvider)
{
    private readonly Protocol _protocol =
        connection.S3ServiceUrl?.Scheme == Uri.UriSchemeHttp ? Protocol.HTTP : Protocol.HTTPS;

    /// <summary>
    /// A PUT bound to what was declared: Content-Length and the declared-size metadata header are signed, so
    /// S3 refuses any other body size; the metadata stays on the object for the check at job creation.
    /// </summary>
    public Task<string> ForPutAsync(string bucket, string key, string contentType, long sizeBytes, TimeSpan lifetime)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            ContentType = contentType,
            Expires = Expiry(lifetime),
            Protocol = _protocol,
        };
        request.Headers.ContentLength = sizeBytes;
        request.Metadata.Add(UploadMetadata.DeclaredSize, UploadMetadata.Format(sizeBytes));
        return s3.GetPreSignedURLAsync(request);
    }

    public Task<string> ForGetAsync(string bucket, string key, TimeSpan lifetime) =>
        s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = Expiry(lifetime),
            Protocol = _protocol,
        });

    /// <summary>A part PUT; with <paramref name="partSizeBytes"/> its Content-Length is signed, so S3 refuses any other size.</summary>
    public Task<string> ForUploadPartAsync(string bucket, string key, string uploadId, int partNumber, long? partSizeBytes, TimeSpan lifetime)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            UploadId = uploadId,
            PartNumber = partNumber,
            Expires = Expiry(lifetime),
            Protocol = _protocol,
        };
        if (partSizeBytes is { } size)
        {
            request.Headers.ContentLength = size;
        }

        return s3.GetPreSignedURLAsync(request);
    }

    private DateTime Expiry(TimeSpan lifetime) => timeProvider.GetUtcNow().UtcDateTime.Add(lifetime);
}
