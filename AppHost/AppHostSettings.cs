using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace VideoAspire.AppHost;

/// <summary>Which AWS backend the AppHost starts.</summary>
internal enum AwsBackendKind
{
    /// <summary>LocalStack where a container runtime answers, else Embedded.</summary>
    Auto,

    /// <summary>The container localstack/localstack:4.14.0 (S3 and DynamoDB).</summary>
    LocalStack,

    /// <summary>s3rver and dynalite from tools/local-aws, as two Node processes: no Docker needed.</summary>
    Embedded,
}

/// <summary>
/// The AppHost's own settings, from its configuration (command line, environment, appsettings), e.g.
/// <c>dotnet run --project AppHost -- --Aws:Backend=Embedded --Processing:Mode=InProcess</c>.
/// A bad value stops the AppHost at once with a message naming the key.
/// </summary>
internal sealed record AppHostSettings(
    AwsBackendKind Backend, string? DataDirectory, string ProcessingMode, int LambdaPercent, int ProcessorReplicas, TimeSpan FunctionTimeout)
{
    public const string FunctionName = "processor";

    public static AppHostSettings From(IConfiguration configuration, string appHostDirectory)
    {
        var backend = configuration["Aws:Backend"] is { Length: > 0 } b
            ? Enum.TryParse<AwsBackendKind>(b, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
                ? kind
                : throw Invalid("Aws:Backend", b, "Auto, LocalStack or Embedded")
            : AwsBackendKind.Auto;
        var mode = configuration["Processing:Mode"] ?? "Lambda";
        if (mode is not ("Lambda" or "InProcess"))
        {
            throw Invalid("Processing:Mode", mode, "Lambda or InProcess");
        }

        return new AppHostSettings(
            backend,
            Path.GetFullPath(configuration["Aws:DataDirectory"] ?? Path.Combine(appHostDirectory, ".local-aws")),
            mode,
            Number(configuration, "Processing:LambdaPercent", 100, 0, 100),
            Number(configuration, "Processor:Replicas", 2, 1, 16),
            TimeSpan.FromSeconds(Number(configuration, "Processor:TimeoutSeconds", 900, 1, 900)));
    }

    private static int Number(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var text = configuration[key];
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid(key, text, $"a whole number from {min} to {max}");
    }

    private static ArgumentException Invalid(string key, string value, string expected) =>
        new($"AppHost setting {key}='{value}' is not valid: expected {expected}.");
}
