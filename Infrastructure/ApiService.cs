using Amazon.CDK;
using Amazon.CDK.AWS.AppRunner;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace VideoAspire.Infrastructure;

public sealed record ApiServiceProps(StackSettings Settings, Bucket Bucket, Table Table, Function Processor);

/// <summary>
/// The Api as an AWS App Runner service running the container the .NET SDK publishes
/// (dotnet publish -t:PublishContainer): HTTPS, scaling and health checks with no cluster or load balancer to run.
/// Its instance role may presign uploads and downloads, read and write job rows, and invoke the Processor.
/// </summary>
public sealed class ApiService : Construct
{
    public ApiService(Construct scope, string id, ApiServiceProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var settings = props.Settings;
        if (settings.AuthAuthority is null || settings.AuthAudience is null)
        {
            throw new ArgumentException("The Api needs authAuthority and authAudience (its token issuer) in the CDK context.", nameof(props));
        }

        var instanceRole = new Role(this, "InstanceRole", new RoleProps { AssumedBy = new ServicePrincipal("tasks.apprunner.amazonaws.com") });
        props.Bucket.GrantPut(instanceRole, "uploads/*");
        instanceRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["s3:AbortMultipartUpload"],
            Resources = [props.Bucket.ArnForObjects("uploads/*")],
        }));
        props.Bucket.GrantRead(instanceRole);
        props.Bucket.GrantDelete(instanceRole, "jobs/*");
        props.Table.GrantReadWriteData(instanceRole);
        props.Processor.GrantInvoke(instanceRole);

        var accessRole = new Role(this, "EcrAccessRole", new RoleProps { AssumedBy = new ServicePrincipal("build.apprunner.amazonaws.com") });
        accessRole.AddManagedPolicy(ManagedPolicy.FromAwsManagedPolicyName("service-role/AWSAppRunnerServicePolicyForECRAccess"));

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Aws__Region"] = Stack.Of(this).Region,
            ["Storage__BucketName"] = props.Bucket.BucketName,
            ["Storage__JobsTableName"] = props.Table.TableName,
            ["Storage__FinishedJobRetentionDays"] = settings.JobRetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage__CorsAllowedOrigins__0"] = settings.CorsOrigins[0],
            ["Processing__Mode"] = "Lambda",
            ["Processing__LambdaPercent"] = "100",
            ["Processing__FunctionName"] = props.Processor.FunctionName,
            ["Auth__Authority"] = settings.AuthAuthority,
            ["Auth__Audience"] = settings.AuthAudience,
        };
        Service = new CfnService(this, "Service", new CfnServiceProps
        {
            ServiceName = $"videoaspire-{settings.Stage}-api",
            SourceConfiguration = new CfnService.SourceConfigurationProperty
            {
                AuthenticationConfiguration = new CfnService.AuthenticationConfigurationProperty { AccessRoleArn = accessRole.RoleArn },
                AutoDeploymentsEnabled = false,
                ImageRepository = new CfnService.ImageRepositoryProperty
                {
                    ImageIdentifier = settings.ApiImage!,
                    ImageRepositoryType = "ECR",
                    ImageConfiguration = new CfnService.ImageConfigurationProperty
                    {
                        Port = "8080",
                        RuntimeEnvironmentVariables = environment
                            .Select(e => (object)new CfnService.KeyValuePairProperty { Name = e.Key, Value = e.Value }).ToArray(),
                    },
                },
            },
            InstanceConfiguration = new CfnService.InstanceConfigurationProperty
            {
                Cpu = "1 vCPU",
                Memory = "2 GB",
                InstanceRoleArn = instanceRole.RoleArn,
            },
            HealthCheckConfiguration = new CfnService.HealthCheckConfigurationProperty { Protocol = "HTTP", Path = "/health" },
        });
        _ = new CfnOutput(this, "Url", new CfnOutputProps { Value = "https://" + Service.AttrServiceUrl, Description = "The Api" });
    }

    public CfnService Service { get; }

    /// <summary>
    /// One of App Runner's service-level metrics (Requests, 5xxStatusResponses ...): App Runner has no load balancer
    /// of ours to watch, it reports these itself under AWS/AppRunner by service name and id.
    /// </summary>
    public Metric Metric(string name) => new(new MetricProps
    {
        Namespace = "AWS/AppRunner",
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["ServiceName"] = Service.ServiceName!, ["ServiceID"] = Service.AttrServiceId },
        Statistic = "Sum",
        Period = WatchedMetrics.Period,
    });
}
