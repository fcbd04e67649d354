using VideoAspire.Core.Video;
using VideoAspire.Core.Video.Overlays;

namespace VideoAspire.UnitTests.Video;

/// <summary>Reads the real DejaVu Sans installed with fonts-dejavu-core (the pipeline's default font).</summary>
public sealed class FontCoverageTests
{
    private static readonly FontCoverage DejaVu = FontCoverage.Load(new VideoOptions().FontFile);

    [Theory]
    [InlineData('A')]
    [InlineData('%')]
    [InlineData('\\')]
    [InlineData('Ж')]
    [InlineData('λ')]
    [InlineData('ש')]
    [InlineData('€')]
    public void Covers_CharactersOfCoveredScripts(char c)
    {
        Assert.True(DejaVu.Covers(c));
    }

    [Theory]
    [InlineData(0x4E2D)] // 中
    [InlineData(0x1F680)] // rocket emoji
    [InlineData(0xE000)] // private use
    public void Covers_CharactersTheFontLacks_IsFalse(int codePoint)
    {
        Assert.False(DejaVu.Covers(codePoint));
    }

    [Fact]
    public void Missing_ListsEachMissingCharacterOnceWithItsCodePoint()
    {
        var missing = DejaVu.Missing("go 🚀🚀 中\nok");

        Assert.Equal(["'🚀' (U+1F680)", "'中' (U+4E2D)"], missing);
    }

    [Fact]
    public void Missing_LoneSurrogate_IsReportedAsInvalid()
    {
        Assert.Equal(["invalid UTF-16"], DejaVu.Missing("bad \uD83D end"));
    }

    [Fact]
    public void Load_NotAFont_FailsClearly()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "not a font at all, just some text that is long enough");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => FontCoverage.Load(file));

            Assert.Contains("not a TrueType/OpenType font", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
