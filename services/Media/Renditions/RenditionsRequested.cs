namespace NewsPlatform.Media.Renditions;

/// <summary>
/// Media's own work item, relayed from <see cref="Assets.MediaUploaded"/>: render this photo.
/// Not a cross-service contract — only Media consumes it.
/// </summary>
public sealed record RenditionsRequested(Guid EventId, Guid MediaId, string Sha256);
