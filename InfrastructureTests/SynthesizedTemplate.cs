using System.IO.Compression;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using VideoAspire.Infrastructure;

namespace VideoAspire.InfrastructureTests;

/// <summary>
/// One synthesis of the stack for all tests of a class: a stand-in Processor zip and FFmpeg layer folder
/// (synthesis only hashes and copies assets), an Api image and token issuer so the Api service is included.
/// </summary>
public sealed class SynthesizedTemplate : IDisposable
{
    private readonly string _assets = Directory.CreateTempSubdirectory("cdk-assets-").FullName;

    public SynthesizedTemplate()
        : this(settings => settings)
    {
    }

    /// <summary>The same synthesis with some settings changed (e.g. an alarm email).</summary>
    internal SynthesizedTemplate(Func<StackSettings, StackSettings> adjust)
    {
        ArgumentNullException.ThrowIfNull(adjust);
        var zip = Path.Combine(_assets, "processor.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("bootstrap").Open());
            writer.Write("#!/bin/sh\n");
        }

        var layer = Path.Combine(_assets, "ffmpeg-layer");
        Directory.CreateDirectory(Path.Combine(layer, "bin"));
        Directory.CreateDirectory(Path.Combine(layer, "fonts"));
        File.WriteAllText(Path.Combine(layer, "bin", "ffmpeg"), "stand-in");
        File.WriteAllText(Path.Combine(layer, "bin", "ffprobe"), "stand-in");
        File.WriteAllText(Path.Combine(layer, "fonts", "DejaVuSans.ttf"), "stand-in");

        var app = new App(new AppProps { Outdir = Path.Combine(_assets, "cdk.out") });
        Stack = new VideoAspireStack(app, "VideoAspire-test", adjust(new StackSettings
        {
            Stage = "test",
            ProcessorZip = zip,
            FfmpegLayer = layer,
            ApiImage = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/videoaspire-api:1.0.0",
            CorsOrigins = ["https://app.example.test"],
            AuthAuthority = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_example",
            AuthAudience = "videoaspire",
        }), new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" } });
        Template = Template.FromStack(Stack);
        Json = JsonDocument.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(Template.ToJSON())).RootElement.Clone();
    }

    public VideoAspireStack Stack { get; }

    public Template Template { get; }

    /// <summary>The whole template as JSON, for checks that walk every resource.</summary>
    public JsonElement Json { get; }

    public IEnumerable<(string Id, JsonElement Resource)> Resources(string type) =>
        Json.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == type)
            .Select(r => (r.Name, r.Value));

    public void Dispose() => Directory.Delete(_assets, recursive: true);
}
