namespace NewsPlatform.Media.Assets;

/// <summary>An event of a MediaAsset stream; <see cref="MediaAsset.When"/> folds them.</summary>
public interface IMediaAssetEvent;

/// <summary>
/// A photo was accepted. <paramref name="Width"/> and <paramref name="Height"/> are as displayed
/// (after EXIF orientation); the original bytes live in the blob table under <paramref name="Sha256"/>.
/// </summary>
public sealed record MediaUploaded(
    Guid MediaId, string Sha256, string ContentType, long Length, int Width, int Height,
    string Credit, string Caption, string Alt, string UploadedBy) : IMediaAssetEvent;

/// <summary>Credit, caption, alt text or focal point were changed.</summary>
public sealed record MediaMetadataEdited(string Credit, string Caption, string Alt, FocalPoint? FocalPoint, string EditedBy) : IMediaAssetEvent;

/// <summary>Every rendition of the photo is stored and can be served.</summary>
public sealed record RenditionsReady(IReadOnlyList<StoredRendition> Renditions) : IMediaAssetEvent;

/// <summary>The asset is withdrawn: renditions are no longer served and pages stop showing it.</summary>
public sealed record MediaRetired(string Reason, string RetiredBy) : IMediaAssetEvent;

/// <summary>
/// An imported article named a photo credit without an image (archives): a credit-only asset
/// under the id the article already refers to.
/// </summary>
public sealed record CreditOnlyMediaRecorded(Guid MediaId, string Credit, string Caption, Guid SourceArticleId) : IMediaAssetEvent;
