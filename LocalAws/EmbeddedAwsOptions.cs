namespace VideoAspire.LocalAws;

/// <summary>Where to find Node and the emulator packages, and where the emulators keep their data.</summary>
public sealed record EmbeddedAwsOptions
{
    /// <summary>The folder with package.json and server.js; null = found by walking up from the app and the working directory.</summary>
    public string? ToolsDirectory { get; init; }

    /// <summary>Data folder; null = a new temp folder, deleted on dispose. A given folder is kept.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The node executable: a path, or a name looked up on PATH.</summary>
    public string Node { get; init; } = "node";

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
