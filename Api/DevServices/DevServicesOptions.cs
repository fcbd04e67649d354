namespace VideoAspire.Api.DevServices;

/// <summary>The embedded emulators started for a developer when no AWS endpoint is configured.</summary>
internal sealed class DevServicesOptions
{
    public const string SectionName = "DevServices";

    /// <summary>Set false to never start emulators (then configure an endpoint or real AWS).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the emulators keep buckets and tables between runs; default: .local-aws under the content root.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The tools/local-aws folder; default: found by walking up from the app.</summary>
    public string? LocalAwsPath { get; set; }

    /// <summary>The only case in which dev services start: Development, enabled, and no endpoint configured.</summary>
    public static bool ShouldStart(bool isDevelopment, bool enabled, bool endpointConfigured) =>
        isDevelopment && enabled && !endpointConfigured;
}
