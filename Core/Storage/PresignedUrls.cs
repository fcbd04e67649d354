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

    public Task<string> ForPutAsync(string bucket, string key, string contentType, TimeSpan lifetime) =>
        s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            ContentType = contentType,
            Expires = Expiry(lifetime),
            Protocol = _protocol,
        });

    public Task<string> ForGetAsync(string bucket, string key, TimeSpan lifetime) =>
        s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = Expiry(lifetime),
            Protocol = _protocol,
        });

    public Task<string> ForUploadPartAsync(string bucket, string key, string uploadId, int partNumber, TimeSpan lifetime) =>
        s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            UploadId = uploadId,
            PartNumber = partNumber,
            Expires = Expiry(lifetime),
            Protocol = _protocol,
        });

    private DateTime Expiry(TimeSpan lifetime) => timeProvider.GetUtcNow().UtcDateTime.Add(lifetime);
}
