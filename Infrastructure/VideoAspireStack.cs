using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.Destinations;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;
using Function = Amazon.CDK.AWS.Lambda.Function;

namespace VideoAspire.Infrastructure;

/// <summary>
/// One stage of VideoAspire on AWS: the video bucket, the jobs table, the Processor function with its
/// FFmpeg layer and failure queue, least-privilege grants, and (given an image) the Api on App Runner.
/// Names and keys come from the same constants the services use, so code and infrastructure agree.
/// </summary>
public sealed class VideoAspireStack : Stack
{
    public VideoAspireStack(Construct scope, string id, StackSettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Bucket = VideoBucket(settings);
        Table = JobsTable(settings);
        Failures = new Queue(this, "ProcessorFailures", new QueueProps
        {
            QueueName = $"videoaspire-{settings.Stage}-processor-failures",
            RetentionPeriod = Duration.Days(14),
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
        });
        Processor = ProcessorFunction(settings);
        GrantProcessor(Processor);

        if (settings.ApiImage is not null)
        {
            _ = new ApiService(this, "Api", new ApiServiceProps(settings, Bucket, Table, Processor));
        }

        _ = new CfnOutput(this, "BucketName", new CfnOutputProps { Value = Bucket.BucketName, Description = "Storage__BucketName" });
        _ = new CfnOutput(this, "JobsTableName", new CfnOutputProps { Value = Table.TableName, Description = "Storage__JobsTableName" });
        _ = new CfnOutput(this, "ProcessorFunctionName", new CfnOutputProps { Value = Processor.FunctionName, Description = "Processing__FunctionName" });
        _ = new CfnOutput(this, "ProcessorFunctionArn", new CfnOutputProps { Value = Processor.FunctionArn });
        _ = new CfnOutput(this, "ProcessorFailureQueueUrl", new CfnOutputProps { Value = Failures.QueueUrl });
    }

    public Bucket Bucket { get; }

    public Table Table { get; }

    public Queue Failures { get; }

    public Function Processor { get; }

    public static VideoAspireStack FromContext(App app)
    {
        var settings = StackSettings.FromContext(app);
        return new VideoAspireStack(app, $"VideoAspire-{settings.Stage}", settings);
    }

    private Bucket VideoBucket(StackSettings settings) => new(this, "Videos", new BucketProps
    {
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        Encryption = BucketEncryption.S3_MANAGED,
        EnforceSSL = true,
        RemovalPolicy = RemovalPolicy.RETAIN,
        Cors =
        [
            new CorsRule
            {
                AllowedMethods = [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
                AllowedOrigins = [.. settings.CorsOrigins],
                AllowedHeaders = ["*"],
                ExposedHeaders = ["ETag"],
                MaxAge = 3600,
            },
        ],
        LifecycleRules =
        [
            // Parts of uploads that were never completed cost money and are invisible: drop them.
            new LifecycleRule { Id = "abort-incomplete-multipart", AbortIncompleteMultipartUploadAfter = Duration.Days(1) },
            // Uploads are temporary: the job's segments are what users keep.
            new LifecycleRule { Id = "expire-uploads", Prefix = "uploads/", Expiration = Duration.Days(7) },
        ],
    });

    private Table JobsTable(StackSettings settings)
    {
        var table = new Table(this, "Jobs", new TableProps
        {
            TableName = $"videoaspire-{settings.Stage}-jobs",
            PartitionKey = new Attribute { Name = Core.Jobs.JobsTableSchema.JobId, Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            TimeToLiveAttribute = Core.Jobs.JobsTableSchema.Ttl,
            PointInTimeRecovery = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        table.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = Core.Jobs.JobsTableSchema.UserIndex,
            PartitionKey = new Attribute { Name = Core.Jobs.JobsTableSchema.UserId, Type = AttributeType.STRING },
            SortKey = new Attribute { Name = Core.Jobs.JobsTableSchema.CreatedAt, Type = AttributeType.STRING },
            ProjectionType = ProjectionType.ALL,
        });
        return table;
    }

    private Function ProcessorFunction(StackSettings settings)
    {
        var ffmpeg = new LayerVersion(this, "Ffmpeg", new LayerVersionProps
        {
            Code = Code.FromAsset(settings.FfmpegLayer),
            CompatibleRuntimes = [Runtime.PROVIDED_AL2023],
            CompatibleArchitectures = [Architecture.X86_64],
            Description = "ffmpeg and ffprobe (static builds) in /opt/bin, DejaVu Sans in /opt/fonts",
        });
        var function = new Function(this, "Processor", new FunctionProps
        {
            FunctionName = $"videoaspire-{settings.Stage}-processor",
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = Architecture.X86_64,
            Handler = "bootstrap",
            Code = Code.FromAsset(settings.ProcessorZip),
            Layers = [ffmpeg],
            MemorySize = ProcessorSizing.MemoryMb,
            Timeout = Duration.Seconds(ProcessorSizing.TimeoutSeconds),
            EphemeralStorageSize = Size.Mebibytes(ProcessorSizing.EphemeralStorageMb),
            Environment = new Dictionary<string, string>
            {
                ["Storage__BucketName"] = Bucket.BucketName,
                ["Storage__JobsTableName"] = Table.TableName,
                ["Video__FfmpegPath"] = "/opt/bin/ffmpeg",
                ["Video__FfprobePath"] = "/opt/bin/ffprobe",
                ["Video__FontFile"] = "/opt/fonts/DejaVuSans.ttf",
                ["Video__WorkDirectory"] = "/tmp",
                ["Lambda__DeadlineMargin"] = TimeSpan.FromSeconds(ProcessorSizing.DeadlineMarginSeconds).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            },
        });
        function.ConfigureAsyncInvoke(new EventInvokeConfigOptions
        {
            RetryAttempts = ProcessorSizing.RetryAttempts,
            MaxEventAge = Duration.Seconds(ProcessorSizing.MaxEventAgeSeconds),
            OnFailure = new SqsDestination(Failures),
        });
        return function;
    }

    /// <summary>The Processor reads uploads, writes and deletes job outputs, and reads and writes job rows. Nothing else.</summary>
    private void GrantProcessor(Function function)
    {
        Bucket.GrantRead(function, "uploads/*");
        Bucket.GrantPut(function, "jobs/*");
        Bucket.GrantDelete(function, "jobs/*");
        Table.GrantReadWriteData(function);
    }
}
