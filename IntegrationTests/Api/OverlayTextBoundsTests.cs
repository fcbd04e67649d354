using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Planning;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>
/// Overlay texts are bounded by the contract: one per possible segment, a length per text and in total.
/// Anything beyond is a 400 naming the field, never a 500 (an item over DynamoDB's 400 KB) nor a silent drop.
/// </summary>
public sealed class OverlayTextBoundsTests(AwsBackendFixture backend, TestVideos videos) : IAsyncLifetime
{
    private const string Id = "0123456789abcdef0123456789abcdef";
    private readonly ApiFactory _api = new(backend, AwsBackendFixture.UniqueName("overlay"), AwsBackendFixture.UniqueName("overlay"));
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _api.ClientFor("olive");
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ThousandLongTexts_Is400NamingTheTexts()
    {
        var texts = Enumerable.Repeat(new string('x', 480), 1000).ToArray();

        var errors = await AssertInvalidAsync(new
        {
            uploadId = Id,
            cutting = new { maxSegments = CuttingOptions.MaximumSegmentLimit },
            overlay = new { mode = "perSegment", texts },
        });

        Assert.Contains("overlay.texts[0]", errors);
        Assert.Contains("overlay.texts[999]", errors);
        Assert.Contains("overlay.texts", errors);
    }

    [Theory]
    [InlineData(null, 501)]
    [InlineData(10, 11)]
    [InlineData(CuttingOptions.MaximumSegmentLimit, CuttingOptions.MaximumSegmentLimit + 1)]
    public async Task MoreTextsThanMaxSegments_Is400NamingTheTexts(int? maxSegments, int count)
    {
        var cutting = maxSegments is { } max ? new { maxSegments = max } : null;

        var errors = await AssertInvalidAsync(new
        {
            uploadId = Id,
            cutting,
            overlay = new { mode = "perSegment", texts = Enumerable.Repeat("x", count).ToArray() },
        });

        Assert.Equal(["overlay.texts"], errors);
    }

    [Fact]
    public async Task TextsOfAnotherMode_Is400()
    {
        var errors = await AssertInvalidAsync(new { uploadId = Id, overlay = new { mode = "allSegments", text = "a", texts = new[] { new string('x', 100) } } });

        Assert.Equal(["overlay.texts"], errors);
    }

    [Fact]
    public async Task MaximalAllowedTexts_Is202_StoredIntact_AndTheJobCompletes()
    {
        // One text per possible segment, together at the total cap, in characters stored as 6-byte JSON escapes.
        var texts = Enumerable.Range(0, CuttingOptions.MaximumSegmentLimit)
            .Select(i => $"{i:D4}" + new string('é', (TextOverlay.MaxTotalTextLength / CuttingOptions.MaximumSegmentLimit) - 4)).ToArray();
        var uploadId = await _client.UploadAsync(await videos.NoAudioAsync());

        var job = await _client.CreateJobAsync(new
        {
            uploadId,
            cutting = new { mode = "fixed", segmentSeconds = 2, maxSegments = CuttingOptions.MaximumSegmentLimit },
            overlay = new { mode = "perSegment", texts },
            thumbnails = false,
        });
        var id = job.GetProperty("id").GetString()!;
        var stored = await _client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}", TestContext.Current.CancellationToken);
        var finished = await _client.WaitForJobAsync(id, TimeSpan.FromMinutes(3));

        Assert.Equal(texts, stored.GetProperty("options").GetProperty("overlay").GetProperty("texts").EnumerateArray().Select(t => t.GetString()));
        // The 8 s video gives 4 segments: texts beyond the plan's last segment are not drawn (README, overlay texts).
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.Equal(4, finished.GetProperty("segments").GetArrayLength());
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    private async Task<List<string>> AssertInvalidAsync(object request)
    {
        using var response = await _client.PostAsJsonAsync("/api/jobs", request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text[..Math.Min(text.Length, 2000)]}");
        using var problem = JsonDocument.Parse(text);
        Assert.Equal("validation_failed", problem.RootElement.GetProperty("code").GetString());
        return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }
}
