namespace VideoAspire.Core.Jobs;

public static class ProcessingMethodNames
{
    /// <summary>The method as stored on jobs, tagged on metrics and shown by the Api: "lambda" or "in-process".</summary>
    public static string ToWireName(this ProcessingMethod method) => method == ProcessingMethod.Lambda ? "lambda" : "in-process";
}
