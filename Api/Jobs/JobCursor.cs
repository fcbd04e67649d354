using System.Buffers.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using VideoAspire.Core.Jobs;

namespace VideoAspire.Api.Jobs;

/// <summary>The opaque paging cursor of GET /api/jobs: DynamoDB's last evaluated key, as base64url JSON, bound to its caller.</summary>
internal static class JobCursor
{
    public static string Encode(Dictionary<string, AttributeValue> lastKey)
    {
        var values = lastKey.ToDictionary(k => k.Key, k => k.Value.S);
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(values));
    }

    /// <summary>The key to continue after, or null when the cursor is malformed or belongs to someone else.</summary>
    public static Dictionary<string, AttributeValue>? Decode(string cursor, string userId)
    {
        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(Base64Url.DecodeFromChars(cursor));
            string[] expected = [JobsTableSchema.JobId, JobsTableSchema.UserId, JobsTableSchema.CreatedAt];
            if (values is null || values.Count != expected.Length || !expected.All(values.ContainsKey)
                || values[JobsTableSchema.UserId] != userId || values.Values.Any(string.IsNullOrEmpty))
            {
                return null;
            }

            return values.ToDictionary(v => v.Key, v => new AttributeValue(v.Value));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
