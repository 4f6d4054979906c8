namespace NewsPlatform.Media.Assets;

public enum MediaStatus { Processing, Ready, CreditOnly, Retired }

/// <summary>A point of interest for cropping, each coordinate in 0..1 from the top-left corner.</summary>
public sealed record FocalPoint(double X, double Y);

/// <summary>One stored encoding of a photo, served at <c>/media/{id}/{Width}.{Format}</c>.</summary>
public sealed record StoredRendition(int Width, int Height, string Format, long Length, string ETag)
{
    public string Url(Guid mediaId) => $"/media/{mediaId}/{Width}.{Format}";
}

/// <summary>
/// The state of one MediaAsset stream, folded from its events. Plain and immutable so the
/// decisions and the projection can share it.
/// </summary>
public sealed record MediaAsset
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public MediaStatus Status { get; init; }
    public string? Sha256 { get; init; }
    public string? ContentType { get; init; }
    public long? Length { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public string Credit { get; init; } = "";
    public string Caption { get; init; } = "";
    public string Alt { get; init; } = "";
    public FocalPoint? FocalPoint { get; init; }
    public IReadOnlyList<StoredRendition> Renditions { get; init; } = [];
    public string? RetiredReason { get; init; }
    /// <summary>Who uploaded the photo (null for a credit-only asset from an imported article).</summary>
    public string? UploadedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public bool HasImage => Sha256 is not null;

    /// <summary>
    /// The state after <paramref name="event"/>, which happened at <paramref name="at"/> (the event's
    /// timestamp): the one fold of a MediaAsset stream, used by the projection, the decisions' callers and the tests.
    /// </summary>
    public static MediaAsset? When(MediaAsset? state, IMediaAssetEvent @event, DateTimeOffset at)
    {
        switch (@event)
        {
            case MediaUploaded e:
                return new MediaAsset
                {
                    Id = e.MediaId,
                    Version = 1,
                    Status = MediaStatus.Processing,
                    Sha256 = e.Sha256,
                    ContentType = e.ContentType,
                    Length = e.Length,
                    Width = e.Width,
                    Height = e.Height,
                    Credit = e.Credit,
                    Caption = e.Caption,
                    Alt = e.Alt,
                    UploadedBy = e.UploadedBy,
                    CreatedAt = at,
                    UpdatedAt = at,
                };
            case CreditOnlyMediaRecorded e:
                return new MediaAsset
                {
                    Id = e.MediaId,
                    Version = 1,
                    Status = MediaStatus.CreditOnly,
                    Credit = e.Credit,
                    Caption = e.Caption,
                    CreatedAt = at,
                    UpdatedAt = at,
                };
        }
        if (state is null) return null;

        var next = state with { Version = state.Version + 1, UpdatedAt = at };
        return @event switch
        {
            MediaMetadataEdited e => next with { Credit = e.Credit, Caption = e.Caption, Alt = e.Alt, FocalPoint = e.FocalPoint },
            RenditionsReady e => next with { Status = MediaStatus.Ready, Renditions = e.Renditions },
            MediaRetired e => next with { Status = MediaStatus.Retired, Renditions = [], RetiredReason = e.Reason },
            _ => next,
        };
    }
}
