namespace VideoAspire.LocalAws;

/// <summary>Which emulator(s) one tools/local-aws/server.js process runs.</summary>
public enum LocalAwsService
{
    /// <summary>S3 (s3rver) and DynamoDB (dynalite) in one process on free ports: the Api's dev services and the tests.</summary>
    All,

    /// <summary>s3rver alone, on the port in PORT: an Aspire resource of its own.</summary>
    S3,

    /// <summary>dynalite alone, on the port in PORT: an Aspire resource of its own.</summary>
    DynamoDb,
}
