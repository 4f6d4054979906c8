using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Media.Extensions;

/// <summary>Limits under <c>Media</c> in configuration (<c>Media__MaxUploadBytes</c>, ...).</summary>
public sealed class MediaOptions : IValidatedOptions
{
    public const string Section = "Media";

    /// <summary>Largest accepted file; anything bigger is refused with 413 before it is read in full.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Largest accepted width × height, checked on the header before any pixel is decoded.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>
    /// Photos rendered at once by one instance. One photo already encodes its renditions on every
    /// core; each extra slot holds another photo's pixels (4 bytes per pixel), so this mostly trades
    /// memory for a little throughput. More instances add throughput.
    /// </summary>
    public int RenditionConcurrency { get; set; } = 1;

    /// <summary>Room for the form's other fields and multipart boundaries on top of the file.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public long MaxRequestBodyBytes => MaxUploadBytes + FormOverheadBytes;

    public IEnumerable<SettingProblem> Validate()
    {
        if (MaxUploadBytes <= 0) yield return new(nameof(MaxUploadBytes), $"must be a positive number of bytes; it is {MaxUploadBytes}");
        if (MaxPixels <= 0) yield return new(nameof(MaxPixels), $"must be a positive number of pixels; it is {MaxPixels}");
        if (RenditionConcurrency <= 0) yield return new(nameof(RenditionConcurrency), $"must be positive; it is {RenditionConcurrency}");
    }
}
