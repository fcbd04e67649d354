namespace VideoAspire.Core.Video.Pipeline;

public enum OutputMode
{
    /// <summary>Stream copy: fast, no quality loss, cuts land on the keyframe at or after each planned point.</summary>
    Copy,

    /// <summary>Re-encode with keyframes forced at the planned points: cuts land where planned.</summary>
    Exact,
}
