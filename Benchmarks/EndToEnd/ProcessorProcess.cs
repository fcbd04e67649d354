using VideoAspire.Core.Processes;

namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>
/// The Processor as built by `dotnet build` (Processor/bin/{configuration}/net10.0/Processor: JIT, not the Native AOT
/// publish), as one function instance polling the emulator's Runtime API, with the environment the AppHost gives it.
/// It runs ffmpeg as its children, so its process tree is what a Lambda sandbox would hold.
/// </summary>
internal static class ProcessorProcess
{
    /// <param name="emulator">The Lambda emulator's base address.</param>
    /// <param name="functionName">The function this instance serves.</param>
    /// <param name="settings">Its configuration (AWS endpoints, Storage, Processing, Video; keys with ':').</param>
    /// <param name="showLog">Whether its JSON log lines (Information level) are printed.</param>
    public static ChildProcess Start(Uri emulator, string functionName, IReadOnlyDictionary<string, string?> settings, bool showLog)
    {
        var executable = BuildOutput.Find("Processor", "Processor");
        var environment = ChildSettings.AsEnvironment(settings);
        environment["AWS_LAMBDA_RUNTIME_API"] = $"{emulator.Authority}/{functionName}";
        environment["AWS_LAMBDA_FUNCTION_NAME"] = functionName;
        environment["AWS_ENDPOINT_URL_LAMBDA"] = emulator.ToString(); // a "sweep" event invokes the function again
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["Logging__LogLevel__Default"] = ChildSettings.LogLevel(showLog);
        return ChildProcess.Start(
            new ProcessSpec(executable, []) { WorkingDirectory = Path.GetDirectoryName(executable), Environment = environment },
            ChildSettings.Output("processor", showLog));
    }
}
