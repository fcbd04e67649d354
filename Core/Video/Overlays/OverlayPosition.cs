namespace VideoAspire.Core.Video.Overlays;

public enum OverlayPosition
{
    Top,
    Center,
    Bottom,
}
