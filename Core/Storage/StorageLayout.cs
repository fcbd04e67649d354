using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace VideoAspire.Core.Storage;

/// <summary>
/// Where things live in the bucket. Every key is built here from server-generated ids; a client's file
/// name never becomes part of a key.
/// </summary>
public static partial class StorageLayout
{
    /// <summary>uploads/{user}/{videoId}/source — the caller owns everything under uploads/{user}/.</summary>
    public static string UploadKey(string userId, string videoId) => $"uploads/{UserSegment(userId)}/{videoId}/source";

    /// <summary>Everything any attempt of the job stored.</summary>
    public static string JobPrefix(string jobId) => $"jobs/{jobId}/";

    /// <summary>
    /// jobs/{jobId}/a{attempt}/ — one attempt's objects. Attempts never share a key, so an attempt that lost the
    /// job can remove what it stored without touching what the attempt that took over stores.
    /// </summary>
    public static string AttemptPrefix(string jobId, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"jobs/{jobId}/a{attempt}/");

    /// <summary>Everything one user uploaded.</summary>
    public static string UploadsPrefix(string userId) => $"uploads/{UserSegment(userId)}/";

    /// <summary>
    /// jobs/{jobId}/a{attempt}/c{chunk}t{chunkAttempt}/ — one chunk attempt's objects, inside its job attempt's prefix, so
    /// a chunk attempt that lost its chunk removes only what it stored, and failing the job removes every chunk's.
    /// </summary>
    public static string ChunkAttemptPrefix(string jobId, int attempt, int chunk, int chunkAttempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{AttemptPrefix(jobId, attempt)}c{chunk}t{chunkAttempt}/");

    public static string SegmentKey(string jobId, int attempt, int index) => SegmentKey(AttemptPrefix(jobId, attempt), index);

    public static string ThumbnailKey(string jobId, int attempt, int index) => ThumbnailKey(AttemptPrefix(jobId, attempt), index);

    /// <summary>Segment <paramref name="index"/> under an attempt's or a chunk attempt's prefix.</summary>
    public static string SegmentKey(string prefix, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}segments/{index:D4}.mp4");

    public static string ThumbnailKey(string prefix, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}thumbnails/{index:D4}.jpg");

    /// <summary>
    /// A user id as a key segment: itself when plainly safe ([A-Za-z0-9_-], at most 64), else "~" and a hash of it
    /// (ids from an IdP can hold anything). "~" is outside the plain alphabet, so no user's own id can ever
    /// equal another user's hashed segment.
    /// </summary>
    public static string UserSegment(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return SafeSegment().IsMatch(userId)
            ? userId
            : HashedPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..32];
    }

    /// <summary>Starts every hashed user segment; never part of a plain one.</summary>
    public const string HashedPrefix = "~";

    /// <summary>The shape of every id this service generates (<see cref="NewId"/>): 32 lower-case hex characters.</summary>
    public const string IdPattern = "^[0-9a-f]{32}$";

    /// <summary>A new id for a video or a job: 32 hex characters, time-ordered.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");

    /// <summary>True for ids this service generates (so a route value can never smuggle a path in).</summary>
    public static bool IsValidId(string? id) => id is not null && IdRegex().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SafeSegment();

    [GeneratedRegex(IdPattern)]
    private static partial Regex IdRegex();
}
