using Amazon.CDK;

namespace VideoAspire.Infrastructure;

/// <summary>
/// What a deployment varies by, read from CDK context (-c key=value). Paths point at prebuilt assets:
/// synthesis never bundles with Docker and never downloads anything.
/// </summary>
public sealed record StackSettings
{
    /// <summary>Stage name: part of every resource name (dev, prod ...).</summary>
    public string Stage { get; init; } = "dev";

    /// <summary>The Processor package from tools/publish-processor.sh (a zip holding an executable "bootstrap").</summary>
    public required string ProcessorZip { get; init; }

    /// <summary>The FFmpeg layer folder: bin/ffmpeg, bin/ffprobe (static x86_64 builds) and fonts/DejaVuSans.ttf.</summary>
    public required string FfmpegLayer { get; init; }

    /// <summary>The Api's container image in ECR; when absent the stack deploys the backend only.</summary>
    public string? ApiImage { get; init; }

    /// <summary>Origins allowed to PUT uploads from a browser.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = ["*"];

    /// <summary>The OpenID Connect issuer and audience of the Api's bearer tokens (e.g. a Cognito user pool).</summary>
    public string? AuthAuthority { get; init; }

    public string? AuthAudience { get; init; }

    /// <summary>Days a finished job is kept: its record's TTL and the expiry of its objects under jobs/.</summary>
    public int JobRetentionDays { get; init; } = 30;

    /// <summary>CloudWatch namespace of the job metrics the Processor writes (metricsNamespace); default VideoAspire/STAGE.</summary>
    public string? MetricsNamespace { get; init; }

    /// <summary>The namespace in use: stages never mix their job metrics.</summary>
    public string JobMetricsNamespace => MetricsNamespace ?? $"VideoAspire/{Stage}";

    public AlarmSettings Alarms { get; init; } = new();

    public static StackSettings FromContext(App app)
    {
        ArgumentNullException.ThrowIfNull(app);
        string? Get(string key) => app.Node.TryGetContext(key)?.ToString();
        return new StackSettings
        {
            Stage = Get("stage") ?? "dev",
            ProcessorZip = Get("processorZip") ?? "../artifacts/processor.zip",
            FfmpegLayer = Get("ffmpegLayer") ?? "../artifacts/ffmpeg-layer",
            ApiImage = Get("apiImage"),
            CorsOrigins = Get("corsOrigins")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? ["*"],
            AuthAuthority = Get("authAuthority"),
            AuthAudience = Get("authAudience"),
            JobRetentionDays = int.TryParse(Get("jobRetentionDays"), System.Globalization.CultureInfo.InvariantCulture, out var days) && days > 0 ? days : 30,
            MetricsNamespace = Get("metricsNamespace"),
            Alarms = AlarmSettings.FromContext(Get),
        };
    }
}
