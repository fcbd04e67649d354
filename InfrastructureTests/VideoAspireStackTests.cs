using System.Diagnostics;
using System.Text.Json;
using Amazon.CDK.Assertions;
using VideoAspire.Infrastructure;

namespace VideoAspire.InfrastructureTests;

[Collection(SynthesisCollection.Name)]
public sealed class VideoAspireStackTests(SynthesizedTemplate synthesized) : IClassFixture<SynthesizedTemplate>
{
    private Template Template => synthesized.Template;

    [Fact]
    public void Processor_IsAProvidedAl2023FunctionSizedForOneGigabyteInputs()
    {
        Template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Runtime"] = "provided.al2023",
            ["Handler"] = "bootstrap",
            ["Architectures"] = new[] { "x86_64" },
            ["MemorySize"] = ProcessorSizing.MemoryMb,
            ["Timeout"] = ProcessorSizing.TimeoutSeconds,
            ["EphemeralStorage"] = new Dictionary<string, object> { ["Size"] = ProcessorSizing.EphemeralStorageMb },
            ["Layers"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("Ffmpeg") })]),
            ["Environment"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Video__FfmpegPath"] = "/opt/bin/ffmpeg",
                    ["Video__FfprobePath"] = "/opt/bin/ffprobe",
                    ["Lambda__DeadlineMargin"] = "00:00:20",
                }),
            }),
        }));
        Template.HasResourceProperties("AWS::Lambda::LayerVersion", Match.ObjectLike(new Dictionary<string, object>
        {
            ["CompatibleRuntimes"] = new[] { "provided.al2023" },
        }));
    }

    [Fact]
    public void Processor_AsyncInvokes_RetryTwiceAndSendFailuresToTheQueue()
    {
        Template.HasResourceProperties("AWS::Lambda::EventInvokeConfig", Match.ObjectLike(new Dictionary<string, object>
        {
            ["MaximumRetryAttempts"] = 2,
            ["MaximumEventAgeInSeconds"] = 3600,
            ["DestinationConfig"] = new Dictionary<string, object>
            {
                ["OnFailure"] = new Dictionary<string, object>
                {
                    ["Destination"] = new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("ProcessorFailures")]) },
                },
            },
        }));
        Template.HasResourceProperties("AWS::SQS::Queue", Match.ObjectLike(new Dictionary<string, object>
        {
            ["MessageRetentionPeriod"] = 1_209_600,
        }));
    }

    [Fact]
    public void Bucket_IsPrivateEncryptedAndCleansUpAfterItself()
    {
        Template.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
            ["BucketEncryption"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["ServerSideEncryptionByDefault"] = new Dictionary<string, object> { ["SSEAlgorithm"] = "AES256" },
                })]),
            }),
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = Match.ArrayWith(
                [
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["AbortIncompleteMultipartUpload"] = new Dictionary<string, object> { ["DaysAfterInitiation"] = 1 },
                        ["Status"] = "Enabled",
                    }),
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Prefix"] = "uploads/",
                        ["ExpirationInDays"] = 7,
                        ["Status"] = "Enabled",
                    }),
                ]),
            },
            ["CorsConfiguration"] = new Dictionary<string, object>
            {
                ["CorsRules"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["AllowedMethods"] = Match.ArrayWith(["PUT"]),
                    ["AllowedOrigins"] = new[] { "https://app.example.test" },
                    ["ExposedHeaders"] = new[] { "ETag" },
                })]),
            },
        }));
    }

    [Fact]
    public void Table_HasTheJobKeyItsThreeIndexesTtlAndPointInTimeRecovery()
    {
        Template.HasResourceProperties("AWS::DynamoDB::Table", Match.ObjectLike(new Dictionary<string, object>
        {
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["KeySchema"] = new[] { new Dictionary<string, object> { ["AttributeName"] = "job_id", ["KeyType"] = "HASH" } },
            ["GlobalSecondaryIndexes"] = new[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["IndexName"] = "user_id-created_at-index",
                    ["KeySchema"] = new[]
                    {
                        new Dictionary<string, object> { ["AttributeName"] = "user_id", ["KeyType"] = "HASH" },
                        new Dictionary<string, object> { ["AttributeName"] = "created_at", ["KeyType"] = "RANGE" },
                    },
                    ["Projection"] = new Dictionary<string, object> { ["ProjectionType"] = "ALL" },
                }),
                Index("unfinished-created_at-index", "unfinished", "created_at", "KEYS_ONLY"),
                Index("method-completed_at-index", "method", "completed_at", "ALL"),
            },
            ["TimeToLiveSpecification"] = new Dictionary<string, object> { ["AttributeName"] = "ttl", ["Enabled"] = true },
            ["PointInTimeRecoverySpecification"] = new Dictionary<string, object> { ["PointInTimeRecoveryEnabled"] = true },
        }));
    }

    [Fact]
    public void Policies_ScopeEveryDataActionToTheBucketTableOrFunction()
    {
        var dataActions = new[] { "s3:", "dynamodb:", "lambda:Invoke" };
        var checkedStatements = 0;

        foreach (var (id, policy) in synthesized.Resources("AWS::IAM::Policy"))
        {
            foreach (var statement in policy.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray())
            {
                var actions = Strings(statement.GetProperty("Action"));
                if (!actions.Any(a => dataActions.Any(d => a.StartsWith(d, StringComparison.Ordinal))))
                {
                    continue;
                }

                checkedStatements++;
                var resources = statement.GetProperty("Resource");
                var all = resources.ValueKind == JsonValueKind.Array ? [.. resources.EnumerateArray()] : new[] { resources };
                Assert.All(all, r => Assert.False(r.ValueKind == JsonValueKind.String && r.GetString()!.Contains('*', StringComparison.Ordinal)
                                                  && !r.GetString()!.StartsWith("arn:", StringComparison.Ordinal),
                    $"{id}: {string.Join(",", actions)} on {r}"));
                Assert.All(all, r => Assert.NotEqual("*", r.ToString()));
            }
        }

        Assert.True(checkedStatements >= 4, $"only {checkedStatements} data statements found");
    }

    [Fact]
    public void ProcessorPolicy_ReadsUploadsAndWritesOnlyJobOutputs()
    {
        var policy = synthesized.Resources("AWS::IAM::Policy")
            .Single(p => p.Id.StartsWith("ProcessorServiceRoleDefaultPolicy", StringComparison.Ordinal)).Resource;
        var statements = policy.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray().ToList();

        var writes = statements.Where(s => Strings(s.GetProperty("Action")).Any(a => a is "s3:PutObject" or "s3:DeleteObject*")).ToList();
        var reads = statements.Where(s => Strings(s.GetProperty("Action")).Contains("s3:GetObject*")).ToList();

        Assert.NotEmpty(writes);
        Assert.All(writes, s => Assert.Contains("/jobs/*", s.GetProperty("Resource").ToString(), StringComparison.Ordinal));
        Assert.All(writes, s => Assert.DoesNotContain("/uploads/", s.GetProperty("Resource").ToString(), StringComparison.Ordinal));
        Assert.All(reads, s => Assert.Contains("/uploads/*", s.GetProperty("Resource").ToString(), StringComparison.Ordinal));
        var invokes = statements.Where(s => Strings(s.GetProperty("Action")).Any(a => a.StartsWith("lambda:", StringComparison.Ordinal))).ToList();
        var invoke = Assert.Single(invokes);
        Assert.Equal(["lambda:InvokeFunction"], Strings(invoke.GetProperty("Action")));
        Assert.EndsWith(":function:videoaspire-test-processor\"]]}", invoke.GetProperty("Resource").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Recovery_ASweepEveryFiveMinutesAndTheFailureQueueReadByTheProcessor()
    {
        Template.HasResourceProperties("AWS::Events::Rule", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ScheduleExpression"] = "rate(5 minutes)",
            ["State"] = "ENABLED",
            ["Targets"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
            {
                ["Arn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^Processor")]) },
                ["Input"] = "{\"version\":1,\"kind\":\"sweep\"}",
                ["RetryPolicy"] = new Dictionary<string, object> { ["MaximumRetryAttempts"] = 0 },
            })]),
        }));
        Template.HasResourceProperties("AWS::Lambda::EventSourceMapping", Match.ObjectLike(new Dictionary<string, object>
        {
            ["EventSourceArn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("ProcessorFailures")]) },
            ["FunctionName"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^Processor") },
            ["BatchSize"] = 10,
        }));
        Template.HasResourceProperties("AWS::SQS::Queue", Match.ObjectLike(new Dictionary<string, object>
        {
            ["VisibilityTimeout"] = 6 * ProcessorSizing.TimeoutSeconds,
        }));
    }

    [Fact]
    public void FinishedJobs_ExpireTogether_RecordsByTtlAndObjectsADayLater()
    {
        Template.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Id"] = "expire-jobs", ["Prefix"] = "jobs/", ["ExpirationInDays"] = 31, ["Status"] = "Enabled",
                })]),
            },
        }));
        Template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Environment"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object> { ["Storage__FinishedJobRetentionDays"] = "30" }),
            }),
        }));
    }

    private static Matcher Index(string name, string partitionKey, string sortKey, string projection) => Match.ObjectLike(new Dictionary<string, object>
    {
        ["IndexName"] = name,
        ["KeySchema"] = new[]
        {
            new Dictionary<string, object> { ["AttributeName"] = partitionKey, ["KeyType"] = "HASH" },
            new Dictionary<string, object> { ["AttributeName"] = sortKey, ["KeyType"] = "RANGE" },
        },
        ["Projection"] = new Dictionary<string, object> { ["ProjectionType"] = projection },
    });

    [Fact]
    public void Api_RunsOnAppRunnerWithHealthCheckAndTheStacksOutputs()
    {
        Template.HasResourceProperties("AWS::AppRunner::Service", Match.ObjectLike(new Dictionary<string, object>
        {
            ["HealthCheckConfiguration"] = new Dictionary<string, object> { ["Protocol"] = "HTTP", ["Path"] = "/health" },
            ["SourceConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["ImageRepository"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["ImageRepositoryType"] = "ECR",
                    ["ImageConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["RuntimeEnvironmentVariables"] = Match.ArrayWith(
                        [
                            new Dictionary<string, object> { ["Name"] = "Processing__Mode", ["Value"] = "Lambda" },
                            new Dictionary<string, object> { ["Name"] = "Auth__Audience", ["Value"] = "videoaspire" },
                        ]),
                    }),
                }),
            }),
        }));
        foreach (var output in new[] { "BucketName", "JobsTableName", "ProcessorFunctionName", "ProcessorFunctionArn" })
        {
            Assert.True(synthesized.Json.GetProperty("Outputs").TryGetProperty(output, out _), output);
        }
    }

    [Fact]
    public void Synthesis_TakesSecondsAndNeedsNoNetwork()
    {
        var stopwatch = Stopwatch.StartNew();

        using var again = new SynthesizedTemplate();

        TestContext.Current.TestOutputHelper?.WriteLine($"synthesis took {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.Single(again.Resources("AWS::Lambda::Function"), f => f.Resource.ToString().Contains("provided.al2023", StringComparison.Ordinal));
    }

    private static string[] Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : [value.GetString()!];
}
