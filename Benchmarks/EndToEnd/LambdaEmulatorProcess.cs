namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>
/// The project's Lambda service emulator (LambdaEmulator/, the same program the AppHost runs) as its own process,
/// serving one function: the Invoke API the Api calls and the Runtime API the Processor polls.
/// </summary>
internal static class LambdaEmulatorProcess
{
    public static Task<ServiceProcess> StartAsync(string functionName, bool showLog) =>
        ServiceProcess.StartAsync("Lambda emulator", BuildOutput.Find("LambdaEmulator", "VideoAspire.LambdaEmulator.dll"),
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = ChildSettings.LogLevel(showLog),
                [$"LambdaEmulator__Functions__{functionName}__Timeout"] = "00:15:00", // Lambda's limit: time is measured, not limits
            },
            showLog);
}
