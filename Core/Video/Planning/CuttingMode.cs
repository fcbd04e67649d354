namespace VideoAspire.Core.Video.Planning;

/// <summary>How segment lengths are chosen.</summary>
public enum CuttingMode
{
    /// <summary>Every segment <see cref="CuttingOptions.SegmentSeconds"/> long.</summary>
    Fixed,

    /// <summary>Lengths drawn from [min, max] with a seed, so the same seed gives the same plan.</summary>
    Random,
}
