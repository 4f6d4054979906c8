using System.Diagnostics.Metrics;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.Media;

/// <summary>Media's measurements, on the one NewsPlatform meter.</summary>
public static class MediaMetrics
{
    public static readonly Counter<long> UploadsAccepted =
        NewsPlatformTelemetry.Meter.CreateCounter<long>("newsplatform.media.uploads_accepted", description: "Photos accepted for upload");

    public static readonly Counter<long> UploadsRefused =
        NewsPlatformTelemetry.Meter.CreateCounter<long>("newsplatform.media.uploads_refused", description: "Uploads refused, tagged with the reason");

    public static readonly Counter<long> RenditionsProduced =
        NewsPlatformTelemetry.Meter.CreateCounter<long>("newsplatform.media.renditions_produced", description: "Rendition files encoded and stored");

    public static readonly Histogram<double> RenderDuration =
        NewsPlatformTelemetry.Meter.CreateHistogram<double>("newsplatform.media.render_duration", "s", "Time to decode a photo and encode all its renditions");
}
