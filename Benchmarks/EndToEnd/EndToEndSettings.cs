namespace VideoAspire.Benchmarks.EndToEnd;

/// <summary>The e2e mode's command-line settings.</summary>
/// <param name="Work">Where inputs are generated and cached, and the raw stages write.</param>
/// <param name="Runs">Runs per variant (medians are printed).</param>
/// <param name="CopySeconds">The length of the copy-mode input.</param>
/// <param name="ExactSeconds">The length of the exact + overlay input; 0 skips that part.</param>
/// <param name="UploadConcurrency">The job's Processing:UploadConcurrency, and the raw parallel PUT's parallelism.</param>
/// <param name="ApiDll">The Api build to run (e.g. one built from an earlier commit, for a before/after); null: this build's.</param>
/// <param name="ApiLog">Whether the Api's log lines (with timestamps, Information level) are shown, for profiling.</param>
internal sealed record EndToEndSettings(
    string Work, int Runs, int CopySeconds, int ExactSeconds, int UploadConcurrency, string? ApiDll = null, bool ApiLog = false);
