using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VideoAspire.Core.Storage;

namespace VideoAspire.Api.Health;

/// <summary>Ready only when the bucket and the jobs table answer.</summary>
internal sealed class AwsResourcesHealthCheck(IAmazonS3 s3, IAmazonDynamoDB dynamoDb, IOptions<StorageOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var storage = options.Value;
        try
        {
            await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = storage.BucketName, MaxKeys = 1 }, cancellationToken);
            await dynamoDb.DescribeTableAsync(storage.JobsTableName, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (AmazonServiceException e)
        {
            return HealthCheckResult.Unhealthy($"{e.GetType().Name}: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return HealthCheckResult.Unhealthy($"AWS endpoint unreachable: {e.Message}");
        }
    }
}
