namespace VideoAspire.LocalAws;

/// <summary>Waits until an HTTP endpoint answers at all (any status code counts as an answer).</summary>
internal static class EndpointProbe
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static async Task WaitUntilAnsweringAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync(endpoint, cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This attempt timed out; try again.
            }
        }
    }
}
