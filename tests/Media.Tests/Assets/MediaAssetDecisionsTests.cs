using NewsPlatform.Media.Assets;
using NewsPlatform.Media.Inspection;
using NewsPlatform.ServiceDefaults.Domain;
using NewsPlatform.ServiceDefaults.Security;
using SkiaSharp;

namespace NewsPlatform.Media.Tests.Assets;

/// <summary>Given the events of a MediaAsset, when a command is decided, then these events (or this refusal).</summary>
public class MediaAssetDecisionsTests
{
    static readonly Guid Id = Guid.Parse("0190d9a0-0000-7000-8000-000000000001");
    static readonly DateTimeOffset At = new(2025, 1, 14, 12, 36, 0, TimeSpan.Zero);
    static readonly MediaMetadata Seed = new("Photo: Stefan Bruder / Shutterstock.com", "Soldiers in Kursk", "Soldiers on a road", null);
    static readonly StoredRendition R320 = new(320, 213, "jpg", 1000, "\"a\"");

    static MediaAsset Given(params IMediaAssetEvent[] events) =>
        events.Aggregate((MediaAsset?)null, (asset, e) => MediaAsset.When(asset, e, At)) ?? throw new ArgumentException("No asset");

    static MediaUploaded Uploaded() => MediaAssetDecisions.Upload(
        Id, new InspectedPhoto(ImageFormat.Jpeg, 1800, 1200, SKEncodedOrigin.TopLeft, 12345), "ab12", Seed, "writer@newsplatform.test");

    [Fact]
    public void An_upload_starts_processing_with_the_upright_size_and_the_metadata()
    {
        var asset = Given(Uploaded());

        Assert.Equal(MediaStatus.Processing, asset.Status);
        Assert.Equal((1800, 1200, "image/jpeg", "ab12"), (asset.Width!.Value, asset.Height!.Value, asset.ContentType, asset.Sha256));
        Assert.Equal(Seed.Credit, asset.Credit);
    }

    [Fact]
    public void Renditions_make_a_processing_photo_ready_once()
    {
        var processing = Given(Uploaded());
        var ready = Assert.IsType<RenditionsReady>(Assert.Single(MediaAssetDecisions.CompleteRenditions(processing, [R320]).Events));
        Assert.Equal([R320], ready.Renditions);

        Assert.Empty(MediaAssetDecisions.CompleteRenditions(Given(Uploaded(), ready), [R320]).Events);
    }

    [Fact]
    public void A_retired_photo_never_becomes_ready_again()
    {
        var retired = Given(Uploaded(), new MediaRetired("withdrawn", "editor@newsplatform.test"));

        Assert.Empty(MediaAssetDecisions.CompleteRenditions(retired, [R320]).Events);
        Assert.Empty(MediaAssetDecisions.Retire(retired, "again", "editor@newsplatform.test").Events);
    }

    [Fact]
    public void An_edit_appends_the_new_metadata_and_an_identical_edit_appends_nothing()
    {
        var asset = Given(Uploaded(), new RenditionsReady([R320]));
        var changed = Seed with { Credit = "Photo: Reuters", FocalPoint = new FocalPoint(0.5, 0.3) };

        Assert.Equal([new MediaMetadataEdited("Photo: Reuters", Seed.Caption, Seed.Alt, new FocalPoint(0.5, 0.3), "e@x")],
            MediaAssetDecisions.Edit(asset, changed, Actor.Editor("e@x"), onLiveArticle: false).Events);
        Assert.Equal(Decision<IMediaAssetEvent>.Nothing, MediaAssetDecisions.Edit(asset, Seed, Actor.Editor("e@x"), onLiveArticle: false));
    }

    [Fact]
    public void A_writer_edits_a_photo_they_uploaded_but_not_someone_elses()
    {
        var asset = Given(Uploaded(), new RenditionsReady([R320])); // uploaded by writer@newsplatform.test
        var changed = Seed with { Caption = "Soldiers near Kursk" };

        var own = MediaAssetDecisions.Edit(asset, changed, Actor.Writer("Writer@Newsplatform.test"), onLiveArticle: false);
        var other = MediaAssetDecisions.Edit(asset, changed, Actor.Writer("other.writer@newsplatform.test"), onLiveArticle: false);
        var editor = MediaAssetDecisions.Edit(asset, changed, Actor.Editor("desk@newsplatform.test"), onLiveArticle: false);

        Assert.Single(own.Events);
        Assert.Equal(RefusalKind.Forbidden, other.Refusal?.Kind);
        Assert.Empty(other.Events);
        Assert.Single(editor.Events);
    }

    [Fact]
    public void On_a_live_article_a_writer_may_fix_the_caption_but_changing_the_credit_takes_an_editor()
    {
        var asset = Given(Uploaded(), new RenditionsReady([R320]));
        var uploader = Actor.Writer("writer@newsplatform.test");

        var caption = MediaAssetDecisions.Edit(asset, Seed with { Alt = "Two soldiers on a road" }, uploader, onLiveArticle: true);
        var credit = MediaAssetDecisions.Edit(asset, Seed with { Credit = "Photo: Someone Else" }, uploader, onLiveArticle: true);
        var byEditor = MediaAssetDecisions.Edit(asset, Seed with { Credit = "Photo: Someone Else" }, Actor.Editor("desk@newsplatform.test"), onLiveArticle: true);

        Assert.Single(caption.Events);
        Assert.Equal(RefusalKind.Forbidden, credit.Refusal?.Kind);
        Assert.Contains("takes an editor", credit.Refusal?.Reason);
        Assert.Equal("Photo: Someone Else", Assert.IsType<MediaMetadataEdited>(Assert.Single(byEditor.Events)).Credit);
    }

    [Fact]
    public void A_credit_only_photo_from_an_imported_article_is_an_editors_to_change()
    {
        var asset = Given(new CreditOnlyMediaRecorded(Id, "Photo: Archive", "", Guid.NewGuid()));

        var decision = MediaAssetDecisions.Edit(asset, Seed, Actor.Writer("writer@newsplatform.test"), onLiveArticle: false);

        Assert.Equal(RefusalKind.Forbidden, decision.Refusal?.Kind);
    }

    [Fact]
    public void Editing_a_retired_photo_is_refused_with_the_reason()
    {
        var retired = Given(Uploaded(), new MediaRetired("rights expired", "editor@newsplatform.test"));

        var decision = MediaAssetDecisions.Edit(retired, Seed with { Credit = "Other" }, Actor.Editor("e@x"), onLiveArticle: false);

        Assert.Empty(decision.Events);
        Assert.Contains("rights expired", decision.Refusal?.Reason);
    }

    [Fact]
    public void Retiring_clears_the_renditions()
    {
        var retired = Given(Uploaded(), new RenditionsReady([R320]), new MediaRetired("withdrawn", "editor@newsplatform.test"));

        Assert.Equal((MediaStatus.Retired, 0, "withdrawn"), (retired.Status, retired.Renditions.Count, retired.RetiredReason));
    }

    [Fact]
    public void A_credit_from_an_import_creates_a_credit_only_asset_once()
    {
        var article = Guid.NewGuid();
        var decision = MediaAssetDecisions.RecordCreditOnly(null, Id, " Photo: Stefan Bruder / Shutterstock.com ", null, article);

        var recorded = Assert.IsType<CreditOnlyMediaRecorded>(Assert.Single(decision.Events));
        Assert.Equal(new CreditOnlyMediaRecorded(Id, "Photo: Stefan Bruder / Shutterstock.com", "", article), recorded);
        var asset = Given(recorded);
        Assert.Equal((MediaStatus.CreditOnly, (int?)null, (int?)null, 0), (asset.Status, asset.Width, asset.Height, asset.Renditions.Count));

        Assert.Empty(MediaAssetDecisions.RecordCreditOnly(asset, Id, "Photo: someone else", null, Guid.NewGuid()).Events);
    }

    [Fact]
    public void An_empty_imported_credit_is_refused()
    {
        var decision = MediaAssetDecisions.RecordCreditOnly(null, Id, "  ", "caption", Guid.NewGuid());

        Assert.Empty(decision.Events);
        Assert.Contains("credit is required", decision.Refusal?.Reason);
    }
}
