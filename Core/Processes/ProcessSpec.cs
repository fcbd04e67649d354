namespace VideoAspire.Core.Processes;

/// <summary>What to start. Arguments are passed one by one (never through a shell), so no quoting bugs.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
