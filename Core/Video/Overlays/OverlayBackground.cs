namespace VideoAspire.Core.Video.Overlays;

/// <summary>How the text stays readable on any picture.</summary>
public enum OverlayBackground
{
    /// <summary>A dark outline around each glyph.</summary>
    Outline,

    /// <summary>A translucent dark box behind the text.</summary>
    Box,
}
