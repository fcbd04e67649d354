using VideoAspire.Core.Jobs;
using VideoAspire.Core.Video.Overlays;
using VideoAspire.Core.Video.Pipeline;
using VideoAspire.Core.Video.Planning;
using VideoAspire.Core.Video.Probing;

namespace VideoAspire.Api.Jobs;

/// <summary>The domain checks of a job request, as field errors named like the JSON ("cutting.segmentSeconds").</summary>
internal sealed class JobRequestValidator(VideoPipeline pipeline)
{
    /// <summary>Cutting errors only (what analyze needs), keyed "cutting.field".</summary>
    public static Dictionary<string, string[]> ValidateCutting(CuttingOptions cutting) =>
        cutting.Validate().ToDictionary(e => $"cutting.{Camel(e.Key)}", e => e.Value);

    /// <summary>Every option of a job: cutting, output, codecs and the overlay (its bounds, and that the font can draw its text).</summary>
    public Dictionary<string, string[]> Validate(JobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (cutting, output, overlay) = (options.Cutting, options.Output, options.Overlay);
        var errors = ValidateCutting(cutting);

        if (!Enum.IsDefined(output))
        {
            errors["output"] = ["Must be copy or exact."];
        }

        if (!Enum.IsDefined(options.Codecs))
        {
            errors["codecs"] = ["Must be h264 (re-encode what is not H.264; plays everywhere) or keep (keep HEVC, AV1, VP9 when MP4 carries them)."];
        }

        var overlayErrors = overlay.Validate(cutting.MaxSegments);
        foreach (var (field, messages) in overlayErrors)
        {
            errors[$"overlay.{Camel(field)}"] = messages;
        }

        if (overlayErrors.Count == 0 && overlay.HasText)
        {
            try
            {
                pipeline.EnsureRenderable(overlay);
            }
            catch (MediaException e) when (e.Code == MediaErrorCode.UnsupportedText)
            {
                errors[overlay.Mode == OverlayMode.PerSegment ? "overlay.texts" : "overlay.text"] = [e.Message];
            }
        }

        return errors;
    }

    private static string Camel(string field) => string.Join('.', field.Split('.').Select(p => char.ToLowerInvariant(p[0]) + p[1..]));
}
