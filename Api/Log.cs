namespace VideoAspire.Api;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "DEV SERVICES: no AWS endpoint is configured, so embedded emulators were started. S3: {S3Endpoint} DynamoDB: {DynamoDbEndpoint} Data: {DataDirectory} (node pid {ProcessId}). Development only; set AWS_ENDPOINT_URL or DevServices:Enabled=false to change this.")]
    public static partial void DevServicesStarted(ILogger logger, Uri s3Endpoint, Uri dynamoDbEndpoint, string dataDirectory, int processId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "DEV SERVICES: embedded emulators stopped")]
    public static partial void DevServicesStopped(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Bucket {Bucket} and jobs table {Table} are ready")]
    public static partial void ResourcesReady(ILogger logger, string bucket, string table);
}
