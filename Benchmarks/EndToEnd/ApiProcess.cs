namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>
/// The real Api as its own process (Api.dll of the same build configuration), in Development, pointed at the embedded
/// emulators: what a user of `dotnet run --project Api` gets, measured from outside. With the in-process worker the
/// worker's memory is the Api process's alone; in Lambda mode it only dispatches.
/// </summary>
internal static class ApiProcess
{
    /// <param name="apiDll">The Api build to run (e.g. one built from an earlier commit); null: this build's.</param>
    /// <param name="settings">The Api's configuration (keys with ':'), passed as environment variables.</param>
    /// <param name="showLog">Whether its log lines (Information level) are printed.</param>
    public static Task<ServiceProcess> StartAsync(string? apiDll, IReadOnlyDictionary<string, string?> settings, bool showLog)
    {
        var environment = ChildSettings.AsEnvironment(settings);
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["Logging__LogLevel__Default"] = ChildSettings.LogLevel(showLog);
        return ServiceProcess.StartAsync("Api", apiDll ?? BuildOutput.Find("Api", "Api.dll"), environment, showLog);
    }
}
