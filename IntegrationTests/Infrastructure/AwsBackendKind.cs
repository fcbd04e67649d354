namespace VideoAspire.IntegrationTests.Infrastructure;

/// <summary>Which real S3/DynamoDB implementation the integration tests talk to.</summary>
public enum AwsBackendKind
{
    /// <summary>An endpoint given by VIDEOASPIRE_TEST_AWS_ENDPOINT (e.g. a LocalStack you started).</summary>
    Environment,

    /// <summary>LocalStack in a container started by Testcontainers (a Docker engine answered).</summary>
    LocalStackContainer,

    /// <summary>s3rver + dynalite from tools/local-aws (no Docker needed).</summary>
    Embedded,
}
