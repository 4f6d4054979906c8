using NewsPlatform.Media.Inspection;
using NewsPlatform.ServiceDefaults.Security;

namespace NewsPlatform.Media.Assets;

/// <summary>
/// What may happen to a MediaAsset, as pure functions of its state: the endpoints and consumers
/// load the state (folded by <see cref="MediaAsset.When"/>), ask here, and append what comes back
/// (<see cref="ServiceDefaults.Domain.StreamCommands"/> for the editors' commands).
/// </summary>
public static class MediaAssetDecisions
{
    public static MediaUploaded Upload(Guid id, InspectedPhoto photo, string sha256, MediaMetadata metadata, string uploadedBy) =>
        new(id, sha256, photo.ContentType, photo.Length, photo.Width, photo.Height,
            metadata.Credit, metadata.Caption, metadata.Alt, uploadedBy);

    /// <summary>
    /// Who may change a photo's details: an editor any photo; a writer a photo they uploaded, and not its credit
    /// while the photo heroes a live article (<paramref name="onLiveArticle"/>: the credit readers see is an
    /// editor's call). Editing a retired asset is refused; an edit that changes nothing appends nothing.
    /// </summary>
    public static Decision Edit(MediaAsset asset, MediaMetadata metadata, Actor actor, bool onLiveArticle)
    {
        if (!actor.IsEditor && !actor.Is(asset.UploadedBy))
            return Decision.Forbidden("Writers may change the details only of photos they uploaded; ask an editor.");
        if (asset.Status == MediaStatus.Retired)
            return Decision.NotAllowed($"Media {asset.Id} is retired ({asset.RetiredReason}); its metadata can no longer be edited.");
        if (asset.Credit == metadata.Credit && asset.Caption == metadata.Caption && asset.Alt == metadata.Alt
            && asset.FocalPoint == metadata.FocalPoint)
            return Decision.Nothing;
        if (onLiveArticle && !actor.IsEditor && asset.Credit != metadata.Credit)
            return Decision.Forbidden("The photo is on a published article; changing its credit takes an editor.");
        return Decision.Accept(new MediaMetadataEdited(metadata.Credit, metadata.Caption, metadata.Alt, metadata.FocalPoint, actor.Email));
    }

    /// <summary>Only a photo still being processed becomes ready; a late or repeated result is ignored.</summary>
    public static Decision CompleteRenditions(MediaAsset asset, IReadOnlyList<StoredRendition> renditions) =>
        asset.Status == MediaStatus.Processing && renditions.Count > 0
            ? Decision.Accept(new RenditionsReady(renditions))
            : Decision.Nothing;

    public static Decision Retire(MediaAsset asset, string reason, string retiredBy) =>
        asset.Status == MediaStatus.Retired
            ? Decision.Nothing
            : Decision.Accept(new MediaRetired(reason, retiredBy));

    /// <summary>
    /// A credit named by an imported article. The first import creates the asset; a later one
    /// (a re-import, or the id already taken) changes nothing, so edits made since are kept.
    /// </summary>
    public static Decision RecordCreditOnly(MediaAsset? existing, Guid mediaId, string credit, string? caption, Guid sourceArticleId)
    {
        if (existing is not null) return Decision.Nothing;
        var validation = MediaMetadata.Validate(credit, caption, alt: null, focalPoint: null);
        if (validation.Metadata is not { } metadata)
            return Decision.Invalid("imported credit", validation.Errors);
        return Decision.Accept(new CreditOnlyMediaRecorded(mediaId, metadata.Credit, metadata.Caption, sourceArticleId));
    }
}
