using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VideoAspire.Core.Video;

/// <summary>Tools, font and encoder settings of the video pipeline.</summary>
public sealed class VideoOptions
{
    public const string SectionName = "Video";

    /// <summary>ffmpeg executable: a path, or a name found on PATH (in Lambda: /opt/bin/ffmpeg from the layer).</summary>
    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    [Required]
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>The font drawn by text overlays; its glyph coverage decides which texts are accepted.</summary>
    [Required]
    public string FontFile { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Where job folders are created; default: the system temp folder.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>x264 preset for re-encoding (exact mode, overlays, codecs MP4 cannot carry).</summary>
    [RegularExpression("^(ultrafast|superfast|veryfast|faster|fast|medium|slow|slower|veryslow)$")]
    public string X264Preset { get; set; } = "veryfast";

    /// <summary>x264 constant rate factor: lower is better quality and bigger files.</summary>
    [Range(0, 51)]
    public int X264Crf { get; set; } = 21;

    /// <summary>Thumbnail width in pixels (height follows the aspect ratio).</summary>
    [Range(16, 3840)]
    public int ThumbnailWidth { get; set; } = 480;

    /// <summary>What one input may declare and cost (Video:Limits).</summary>
    [ValidateObjectMembers]
    public MediaLimits Limits { get; set; } = new();
}

[OptionsValidator]
internal sealed partial class VideoOptionsValidator : IValidateOptions<VideoOptions>;
