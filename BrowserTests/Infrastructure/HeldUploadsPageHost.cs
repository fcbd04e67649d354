using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.BrowserTests.Infrastructure;

/// <summary>
/// The page and the Api, whose S3 client holds the upload of every segment from index 1 on until
/// <see cref="HeldSegmentUploads.Release"/>: a job's first segment is stored and the job keeps running, however fast
/// the machine, so a test can see what the page shows while a job runs.
/// </summary>
public sealed class HeldUploadsPageHost(AwsBackendFixture backend) : IAsyncLifetime
{
    public HeldSegmentUploads Uploads { get; } = new(backend, firstHeld: 1);

    public PageHost Page { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Page = new PageHost(backend, settings: null, Uploads.Register);
        await Page.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Uploads.Release(); // a job still running must not hold the Api's shutdown
        if (Page is not null)
        {
            await Page.DisposeAsync();
        }
    }
}
