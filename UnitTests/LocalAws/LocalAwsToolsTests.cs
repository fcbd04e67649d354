using VideoAspire.LocalAws;

namespace VideoAspire.UnitTests.LocalAws;

public sealed class LocalAwsToolsTests
{
    [Fact]
    public void Locate_PackagesNotInstalled_TellsExactlyWhatToRun()
    {
        var folder = Directory.CreateTempSubdirectory("local-aws-empty-").FullName;
        File.WriteAllText(Path.Combine(folder, "server.js"), "// placeholder");
        try
        {
            var exception = Assert.Throws<LocalAwsUnavailableException>(() => LocalAwsTools.Locate(folder));

            Assert.Contains("(s3rver, dynalite, aws4)", exception.Message, StringComparison.Ordinal);
            Assert.EndsWith("run: npm ci --prefix tools/local-aws", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Locate_FromTheBuildOutput_FindsTheRepositoryFolder()
    {
        var tools = LocalAwsTools.Locate(directory: null);

        Assert.EndsWith(Path.Combine("tools", "local-aws"), tools.Directory, StringComparison.Ordinal);
        Assert.True(File.Exists(tools.ServerScript));
    }

    [Fact]
    public void NodeLocator_NodeMissing_SaysHowToInstallIt()
    {
        var exception = Assert.Throws<LocalAwsUnavailableException>(() => NodeLocator.Find("/nonexistent/bin/node"));

        Assert.StartsWith("Node.js was not found ('/nonexistent/bin/node')", exception.Message, StringComparison.Ordinal);
        Assert.Contains("npm ci --prefix tools/local-aws", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NodeMissing_FailsBeforeStartingAnything()
    {
        var options = new EmbeddedAwsOptions { Node = "videoaspire-no-such-node" };

        var exception = await Assert.ThrowsAsync<LocalAwsUnavailableException>(() =>
            EmbeddedAws.StartAsync(options, TestContext.Current.CancellationToken));

        Assert.Contains("'videoaspire-no-such-node'", exception.Message, StringComparison.Ordinal);
    }
}
