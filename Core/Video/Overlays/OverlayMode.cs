namespace VideoAspire.Core.Video.Overlays;

public enum OverlayMode
{
    None,

    /// <summary>One text on every segment.</summary>
    AllSegments,

    /// <summary>Text i on segment i; segments without a text (or with an empty one) get none.</summary>
    PerSegment,
}
