using Microsoft.Extensions.Logging;

namespace VideoAspire.AppHost;

internal static partial class AppHostLog
{
    [LoggerMessage(1, LogLevel.Information, "AWS backend: {Backend} ({Reason})")]
    public static partial void BackendChosen(ILogger logger, AwsBackendKind backend, string reason);
}
