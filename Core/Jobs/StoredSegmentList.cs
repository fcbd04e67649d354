using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace VideoAspire.Core.Jobs;

/// <summary>
/// The <see cref="JobsTableSchema.StoredSegments"/> attribute: the segments a running attempt has stored so far, a
/// DynamoDB list of one-segment JSON strings, so each progress write can append the new ones with <c>list_append</c>
/// instead of rewriting the whole list. The same index may be appended twice (a retried piece of work stores it again
/// under the same key): the last entry wins.
/// </summary>
internal static class StoredSegmentList
{
    /// <summary>The segments as list elements to append.</summary>
    public static AttributeValue ToAttribute(IEnumerable<JobSegment> segments) => new()
    {
        L = [.. segments.Select(s => new AttributeValue(JsonSerializer.Serialize(s, JobJson.TypeInfo<JobSegment>())))],
    };

    /// <summary>The stored list as readers want it: one segment per index (the last appended), in index order.</summary>
    public static IReadOnlyList<JobSegment> FromAttribute(AttributeValue attribute) =>
        LatestPerIndex((attribute.L ?? []).Select(v => JsonSerializer.Deserialize(v.S, JobJson.TypeInfo<JobSegment>())!));

    /// <summary>Keeps the last segment of each index and sorts them by index.</summary>
    public static IReadOnlyList<JobSegment> LatestPerIndex(IEnumerable<JobSegment> appended)
    {
        var byIndex = new SortedDictionary<int, JobSegment>();
        foreach (var segment in appended)
        {
            byIndex[segment.Index] = segment;
        }

        return [.. byIndex.Values];
    }
}
