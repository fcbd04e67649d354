namespace VideoAspire.LambdaEmulator;

/// <summary>
/// A local stand-in for the AWS Lambda service: the Invoke API and the Runtime API (see <see cref="LambdaEmulatorApp"/>).
/// A named entry point, not top-level statements, so the Api's public Program stays the only one in test projects.
/// </summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var app = LambdaEmulatorApp.Create(args);
        await app.RunAsync();
    }
}
