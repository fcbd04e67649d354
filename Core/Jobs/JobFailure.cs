namespace VideoAspire.Core.Jobs;

/// <summary>
/// What an exception means for a job: the error stored on it, whether another attempt may succeed, and whether it is
/// an expected failure (the input's fault, logged as information) rather than ours (logged as an error with its stack).
/// </summary>
public sealed record JobFailure(JobError Error, bool IsTransient, bool IsExpected);
