using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Planning;

namespace VideoAspire.UnitTests.Video;

public sealed class TextOverlayTests
{
    [Fact]
    public void Validate_ValidSingleText_HasNoErrors()
    {
        Assert.Empty(TextOverlay.ForAll("Hello").Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_AllSegmentsWithoutText_IsAnError(string text)
    {
        Assert.Contains(nameof(TextOverlay.Text), TextOverlay.ForAll(text).Validate().Keys);
    }

    [Fact]
    public void Validate_TextTooLong_IsAnError()
    {
        var errors = TextOverlay.ForAll(new string('x', TextOverlay.MaxTextLength + 1)).Validate();

        Assert.Contains($"At most {TextOverlay.MaxTextLength} characters.", errors[nameof(TextOverlay.Text)]);
    }

    [Fact]
    public void Validate_PerSegment_MoreTextsThanMaxSegments_IsAnErrorOnTexts()
    {
        var errors = TextOverlay.PerSegment([.. Enumerable.Repeat("x", 11)]).Validate(maxSegments: 10);

        Assert.Equal([nameof(TextOverlay.Texts)], errors.Keys);
    }

    [Fact]
    public void Validate_PerSegment_MoreTextsThanThePlannerEverAllows_IsAnError()
    {
        var errors = TextOverlay.PerSegment([.. Enumerable.Repeat("x", CuttingOptions.MaximumSegmentLimit + 1)]).Validate(maxSegments: int.MaxValue);

        Assert.Equal([nameof(TextOverlay.Texts)], errors.Keys);
    }

    [Fact]
    public void Validate_PerSegment_OneTextPerSegmentAtTheTotalCap_IsValid()
    {
        var texts = Enumerable.Repeat(new string('x', TextOverlay.MaxTotalTextLength / CuttingOptions.MaximumSegmentLimit), CuttingOptions.MaximumSegmentLimit);

        Assert.Empty(TextOverlay.PerSegment([.. texts]).Validate(CuttingOptions.MaximumSegmentLimit));
    }

    [Fact]
    public void Validate_PerSegment_OverTheTotalCap_IsAnErrorOnTexts()
    {
        var texts = Enumerable.Repeat(new string('x', TextOverlay.MaxTextLength), (TextOverlay.MaxTotalTextLength / TextOverlay.MaxTextLength) + 1);

        var errors = TextOverlay.PerSegment([.. texts]).Validate(CuttingOptions.MaximumSegmentLimit);

        Assert.Equal([nameof(TextOverlay.Texts)], errors.Keys);
    }

    [Fact]
    public void Validate_FieldOfAnotherMode_IsAnError()
    {
        var perSegmentWithText = TextOverlay.PerSegment(["a"]) with { Text = "stored but never drawn" };
        var noneWithTexts = TextOverlay.None with { Texts = ["a"] };

        Assert.Equal([nameof(TextOverlay.Text)], perSegmentWithText.Validate().Keys);
        Assert.Equal([nameof(TextOverlay.Texts)], noneWithTexts.Validate().Keys);
    }

    [Fact]
    public void Validate_TooManyLines_IsAnError()
    {
        Assert.NotEmpty(TextOverlay.ForAll("1\n2\n3\n4\n5\n6").Validate());
    }

    [Theory]
    [InlineData("bell\a")]
    [InlineData("tab\there")]
    [InlineData("nul\0")]
    public void Validate_ControlCharacters_AreRejected(string text)
    {
        Assert.NotEmpty(TextOverlay.ForAll(text).Validate());
    }

    [Fact]
    public void Validate_PerSegment_NamesTheOffendingIndex()
    {
        var errors = TextOverlay.PerSegment(["ok", "bad\u0007"]).Validate();

        Assert.Equal(["Texts[1]"], errors.Keys);
    }

    [Theory]
    [InlineData("#FF00AA", true)]
    [InlineData("yellow", true)]
    [InlineData("Yellow", true)]
    [InlineData("#FF00A", false)]
    [InlineData("white:borderw=99", false)]
    [InlineData("chartreuse", false)]
    public void Validate_Colour_OnlyKnownNamesOrHex(string color, bool valid)
    {
        var errors = TextOverlay.ForAll("x", new OverlayStyle { Color = color }).Validate();

        Assert.Equal(valid, !errors.ContainsKey("Style.Color"));
    }

    [Fact]
    public void Validate_FontSizeOutOfRange_IsAnError()
    {
        Assert.Contains("Style.FontSize", TextOverlay.ForAll("x", new OverlayStyle { FontSize = 4 }).Validate().Keys);
    }

    [Fact]
    public void TextFor_PerSegment_MissingAndEmptyMeanNoText()
    {
        var overlay = TextOverlay.PerSegment(["a", ""]);

        Assert.Equal("a", overlay.TextFor(0));
        Assert.Null(overlay.TextFor(1));
        Assert.Null(overlay.TextFor(2));
    }

    [Fact]
    public void TextFor_WindowsLineEndings_AreNormalised()
    {
        Assert.Equal("a\nb", TextOverlay.ForAll("a\r\nb").TextFor(3));
    }

    [Fact]
    public void FfmpegColor_Hex_UsesFfmpegNotation()
    {
        Assert.Equal("0xFF00AA", new OverlayStyle { Color = "#FF00AA" }.FfmpegColor);
    }
}
