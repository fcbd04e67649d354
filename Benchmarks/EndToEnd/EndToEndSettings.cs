using VideoAspire.Core.Jobs;

namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>The e2e mode's command-line settings.</summary>
/// <param name="Work">Where inputs are generated and cached, and the raw stages write.</param>
/// <param name="Runs">Runs per variant (medians are printed).</param>
/// <param name="CopySeconds">The length of the copy-mode input.</param>
/// <param name="ExactSeconds">The length of the exact + overlay input; 0 skips that part.</param>
/// <param name="UploadConcurrency">The job's Processing:UploadConcurrency, and the raw parallel PUT's parallelism.</param>
/// <param name="Methods">How jobs run: in-process, through Lambda, or both (interleaved run by run).</param>
/// <param name="ApiDll">The Api build to run (e.g. one built from an earlier commit, for a before/after); null: this build's.</param>
/// <param name="ApiLog">Whether the log lines of the Api (and of the emulator and the Processor) are shown, timestamped, for profiling.</param>
internal sealed record EndToEndSettings(
    string Work, int Runs, int CopySeconds, int ExactSeconds, int UploadConcurrency, IReadOnlyList<ProcessingMethod> Methods,
    string? ApiDll = null, bool ApiLog = false)
{
    /// <summary>The --method value: inprocess (the default), lambda or both.</summary>
    public static IReadOnlyList<ProcessingMethod> ParseMethods(string? value) => value switch
    {
        null or "inprocess" => [ProcessingMethod.InProcess],
        "lambda" => [ProcessingMethod.Lambda],
        "both" => [ProcessingMethod.InProcess, ProcessingMethod.Lambda],
        _ => throw new ArgumentException($"--method must be inprocess, lambda or both, not '{value}'."),
    };
}
