namespace VideoAspire.Core.Jobs;

public static class JobStages
{
    public const string Queued = "queued";
    public const string Probing = "probing";
    public const string Cutting = "cutting";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
