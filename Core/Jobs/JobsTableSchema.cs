namespace VideoAspire.Core.Jobs;

/// <summary>Attribute and index names of the jobs table, shared by the bootstrap, the job store and the CDK stack.</summary>
public static class JobsTableSchema
{
    public const string JobId = "job_id";
    public const string UserId = "user_id";
    public const string CreatedAt = "created_at";
    public const string Ttl = "ttl";

    /// <summary>GSI listing one user's jobs newest first: partition user_id, sort created_at (ISO-8601).</summary>
    public const string UserIndex = "user_id-created_at-index";
}
