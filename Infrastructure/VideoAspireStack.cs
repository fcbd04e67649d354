using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.Destinations;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;
using Function = Amazon.CDK.AWS.Lambda.Function;

namespace VideoAspire.Infrastructure;

/// <summary>
/// One stage of VideoAspire on AWS: the video bucket, the jobs table, the Processor function with its
/// FFmpeg layer and failure queue, the recovery of stranded jobs (a scheduled sweep and a consumer of the failure
/// queue, both the Processor itself), least-privilege grants, (given an image) the Api on App Runner, and the alarms and
/// dashboard that watch them.
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
            VisibilityTimeout = Duration.Seconds(ProcessorSizing.FailureQueueVisibilitySeconds),
        });
        Processor = ProcessorFunction(settings);
        GrantProcessor(Processor, settings);
        Recovery(Processor);

        var api = settings.ApiImage is null ? null : new ApiService(this, "Api", new ApiServiceProps(settings, Bucket, Table, Processor));
        var metrics = new WatchedMetrics(Processor, Failures, Table, api, settings.JobMetricsNamespace);
        Alarms = new StackAlarms(this, "Alarms", settings, metrics);
        _ = new StackDashboard(this, "Dashboard", settings, metrics, Alarms.All);

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

    public StackAlarms Alarms { get; }

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
            // A job's objects go a day after its record's TTL (DynamoDB deletes expired items within about two days).
            new LifecycleRule { Id = "expire-jobs", Prefix = "jobs/", Expiration = Duration.Days(settings.JobRetentionDays + 1) },
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
        AddIndex(table, Core.Jobs.JobsTableSchema.UserIndex, Core.Jobs.JobsTableSchema.UserId, Core.Jobs.JobsTableSchema.CreatedAt);
        AddIndex(table, Core.Jobs.JobsTableSchema.UnfinishedIndex, Core.Jobs.JobsTableSchema.Unfinished, Core.Jobs.JobsTableSchema.CreatedAt,
            ProjectionType.KEYS_ONLY); // heartbeats never write to it

        AddIndex(table, Core.Jobs.JobsTableSchema.FinishedIndex, Core.Jobs.JobsTableSchema.Method, Core.Jobs.JobsTableSchema.CompletedAt);
        return table;
    }

    private static void AddIndex(Table table, string name, string partitionKey, string sortKey, ProjectionType projection = ProjectionType.ALL) =>
        table.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = name,
            PartitionKey = new Attribute { Name = partitionKey, Type = AttributeType.STRING },
            SortKey = new Attribute { Name = sortKey, Type = AttributeType.STRING },
            ProjectionType = projection,
        });

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
            FunctionName = ProcessorName(settings),
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
                ["Storage__FinishedJobRetentionDays"] = settings.JobRetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Video__FfmpegPath"] = "/opt/bin/ffmpeg",
                ["Video__FfprobePath"] = "/opt/bin/ffprobe",
                ["Video__FontFile"] = "/opt/fonts/DejaVuSans.ttf",
                ["Video__WorkDirectory"] = "/tmp",
                ["Metrics__Namespace"] = settings.JobMetricsNamespace,
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

    /// <summary>
    /// The Processor reads uploads, writes and deletes job outputs, reads and writes job rows and their indexes, and
    /// invokes itself (the sweep dispatches stranded jobs again, and a split job sends each chunk). Nothing else. Its own ARN is built from its name:
    /// referring to the function's attribute would make its policy depend on itself.
    /// </summary>
    private void GrantProcessor(Function function, StackSettings settings)
    {
        Bucket.GrantRead(function, "uploads/*");
        Bucket.GrantPut(function, "jobs/*");
        Bucket.GrantDelete(function, "jobs/*");
        Table.GrantReadWriteData(function);
        function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["lambda:InvokeFunction"],
            Resources =
            [
                FormatArn(new ArnComponents
                {
                    Service = "lambda", Resource = "function", ResourceName = ProcessorName(settings), ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
                }),
            ],
        }));
    }

    /// <summary>
    /// Nothing waits for a job forever: every few minutes EventBridge sends the Processor a "sweep" event (stranded
    /// jobs dispatched again, jobs out of attempts failed), and the failure queue (events Lambda gave up on) is read
    /// by the Processor, which fails those jobs with Lambda's reason.
    /// </summary>
    private void Recovery(Function function)
    {
        var sweep = new Rule(this, "Sweep", new RuleProps
        {
            Description = "Finds VideoAspire jobs nobody runs and dispatches them again",
            Schedule = Schedule.Rate(Duration.Minutes(ProcessorSizing.SweepEveryMinutes)),
        });
        sweep.AddTarget(new LambdaFunction(function, new LambdaFunctionProps
        {
            Event = RuleTargetInput.FromObject(new Dictionary<string, object>
            {
                ["version"] = Core.Jobs.ProcessorEvent.CurrentVersion,
                ["kind"] = Core.Jobs.ProcessorEvent.SweepKind,
            }),
            RetryAttempts = 0, // the next sweep comes soon enough
        }));
        function.AddEventSource(new SqsEventSource(Failures, new SqsEventSourceProps { BatchSize = 10 }));
    }

    private static string ProcessorName(StackSettings settings) => $"videoaspire-{settings.Stage}-processor";
}
