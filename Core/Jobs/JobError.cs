namespace VideoAspire.Core.Jobs;

/// <summary>Why a job failed: a stable snake_case code and a message for people.</summary>
public sealed record JobError(string Code, string Message);
