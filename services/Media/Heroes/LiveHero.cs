namespace NewsPlatform.Media.Heroes;

/// <summary>
/// The hero photo of one live article (<see cref="Id"/> is the article's id), as Authoring's relayed article events
/// tell Media. A photo that heroes a live article is on the public site, so changing its credit takes an editor.
/// An unpublished article keeps its row with no photo, at its stream version, so a late redelivery of an older
/// event cannot bring the photo back.
/// </summary>
public sealed record LiveHero(Guid Id, Guid? MediaId, long StreamVersion)
{
    /// <summary>The row after an article event at <paramref name="version"/>; an older event than the row changes nothing.</summary>
    public static LiveHero Apply(LiveHero? current, Guid articleId, long version, Guid? mediaId) =>
        current is not null && current.StreamVersion >= version ? current : new LiveHero(articleId, mediaId, version);
}
