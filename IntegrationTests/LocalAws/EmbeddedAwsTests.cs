using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Configuration;
using VideoAspire.Core.Aws;
using VideoAspire.LocalAws;
using VideoAspire.IntegrationTests.Infrastructure;

namespace VideoAspire.IntegrationTests.LocalAws;

/// <summary>The embedded emulators themselves: start, answer, keep data where asked, leave nothing behind.</summary>
public sealed class EmbeddedAwsTests
{
    [Fact]
    public async Task DisposeAsync_StopsTheEmulatorProcess()
    {
        var emulators = await EmbeddedAws.StartAsync(new EmbeddedAwsOptions(), TestContext.Current.CancellationToken);
        var pid = emulators.ProcessId;
        var dataDirectory = emulators.DataDirectory;

        await emulators.DisposeAsync();

        Assert.True(await ProcessProbe.ExitedAsync(pid), $"emulator process {pid} still runs");
        Assert.False(Directory.Exists(dataDirectory), "a temp data folder is removed with the emulators");
    }

    [Fact]
    public async Task StartAsync_ChosenDataDirectory_KeepsObjectsAcrossRestarts()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDirectory = Directory.CreateTempSubdirectory("local-aws-data-").FullName;
        try
        {
            await using (var first = await EmbeddedAws.StartAsync(new EmbeddedAwsOptions { DataDirectory = dataDirectory }, ct))
            {
                using var s3 = CreateS3(first);
                await s3.PutBucketAsync("kept", ct);
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "kept", Key = "a.txt", ContentBody = "still here", UseChunkEncoding = false }, ct);
            }

            await using var second = await EmbeddedAws.StartAsync(new EmbeddedAwsOptions { DataDirectory = dataDirectory }, ct);
            using var s3Again = CreateS3(second);
            using var stored = await s3Again.GetObjectAsync("kept", "a.txt", ct);
            using var reader = new StreamReader(stored.ResponseStream);

            Assert.Equal("still here", await reader.ReadToEndAsync(ct));
            Assert.True(Directory.Exists(dataDirectory), "a chosen data folder is kept");
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static IAmazonS3 CreateS3(EmbeddedAws emulators)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(emulators.ToConfiguration()).Build();
        var options = configuration.GetSection(AwsOptions.SectionName).Get<AwsOptions>()!;
        return AwsClientFactory.CreateS3(AwsConnection.Resolve(options, configuration));
    }
}
