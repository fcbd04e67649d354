using System.Globalization;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// What one run is asked to do: a whole job (claim it; cut it in one pass or split it into chunks), or one chunk of a
/// job's attempt. <see cref="Key"/> names it in the in-process queue and in "is this held here" checks.
/// </summary>
public sealed record JobWork(string JobId, int? Attempt = null, int? Chunk = null)
{
    public static JobWork ForJob(string jobId) => new(jobId);

    public static JobWork ForChunk(string jobId, int attempt, int chunk) => new(jobId, attempt, chunk);

    public bool IsChunk => Chunk is not null;

    public string Key => Chunk is { } chunk
        ? string.Create(CultureInfo.InvariantCulture, $"{JobId}#a{Attempt}c{chunk}")
        : JobId;

    public override string ToString() => Key;
}
