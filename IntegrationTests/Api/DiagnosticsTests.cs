using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.Api;

/// <summary>The processing comparison reads a window of finished jobs from their index; its window is bounded.</summary>
public sealed class DiagnosticsTests(AwsBackendFixture backend, TestVideos videos) : IAsyncDisposable
{
    private readonly ApiFactory _api = new(backend, AwsBackendFixture.UniqueName("diagnostics"), AwsBackendFixture.UniqueName("diagnostics"));

    [Fact]
    public async Task ProcessingStats_CountTheFinishedJobsOfEveryUserInTheWindow()
    {
        using var operatorClient = _api.ClientFor("ops", "operator");
        using var alice = _api.ClientFor("alice");
        using var bob = _api.ClientFor("bob");
        var before = await operatorClient.GetFromJsonAsync<JsonElement>("/api/diagnostics/processing?hours=1", TestContext.Current.CancellationToken);
        foreach (var user in new[] { alice, bob })
        {
            var uploadId = await user.UploadAsync(await videos.NoAudioAsync());
            await user.WaitForJobAsync((await user.CreateJobAsync(new { uploadId })).GetProperty("id").GetString()!);
        }

        var after = await operatorClient.GetFromJsonAsync<JsonElement>("/api/diagnostics/processing?hours=1", TestContext.Current.CancellationToken);

        Assert.Equal(0, before.GetArrayLength());
        var inProcess = Assert.Single(after.EnumerateArray());
        Assert.Equal("in-process", inProcess.GetProperty("method").GetString());
        Assert.Equal((2, 2, 0), (inProcess.GetProperty("jobs").GetInt32(), inProcess.GetProperty("completed").GetInt32(), inProcess.GetProperty("failed").GetInt32()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("721")]
    public async Task ProcessingStats_WindowOutOfRange_Is400NamingHours(string hours)
    {
        using var operatorClient = _api.ClientFor("ops", "operator");

        using var response = await operatorClient.GetAsync(new Uri($"/api/diagnostics/processing?hours={hours}", UriKind.Relative), TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("hours", out _));
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}
