namespace VideoAspire.IntegrationTests.Security;

/// <summary>
/// Media files that are really references: each points at a loopback URL and at a local file that exists
/// on every Linux machine. Generated in the test, saved under a ".mp4" name as an attacker would upload them.
/// </summary>
internal static class HostileFiles
{
    public const string ExistingLocalFile = "/etc/passwd";

    /// <summary>Kind -> file content, for a listener at <paramref name="url"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(Func<string, string> url) => new Dictionary<string, string>
    {
        ["hls"] = $"""
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:10
            #EXTINF:10.0,
            {url("segment0.ts")}
            #EXTINF:10.0,
            {url("segment1.ts")}
            #EXT-X-ENDLIST

            """,
        ["hls-local-file"] = $"""
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:10
            #EXTINF:10.0,
            file://{ExistingLocalFile}
            #EXT-X-ENDLIST

            """,
        ["dash"] = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT10S" minBufferTime="PT2S" profiles="urn:mpeg:dash:profile:isoff-on-demand:2011">
              <Period>
                <AdaptationSet mimeType="video/mp4">
                  <Representation id="1" bandwidth="100000" width="320" height="240" codecs="avc1.42c00d">
                    <BaseURL>{url("video.mp4")}</BaseURL>
                  </Representation>
                </AdaptationSet>
              </Period>
            </MPD>

            """,
        ["ffconcat"] = $"""
            ffconcat version 1.0
            file '{url("part.mp4")}'
            file '{ExistingLocalFile}'

            """,
        ["sdp"] = """
            v=0
            o=- 0 0 IN IP4 127.0.0.1
            s=hostile
            c=IN IP4 127.0.0.1
            t=0 0
            m=video 5004 RTP/AVP 96
            a=rtpmap:96 H264/90000

            """,
    };

    public static async Task<string> WriteAsync(string kind, string content)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("videoaspire-hostile-").FullName, $"{kind}.mp4");
        await File.WriteAllTextAsync(file, content, TestContext.Current.CancellationToken);
        return file;
    }
}
