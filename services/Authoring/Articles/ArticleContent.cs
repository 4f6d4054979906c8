namespace NewsPlatform.Authoring.Articles;

/// <summary>What an editor writes: everything a reader sees except the URL and the dates.</summary>
public sealed record ArticleContent(
    string Headline,
    string Standfirst,
    string Body,
    string Section,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Tags,
    Guid? HeroMediaId)
{
    public static class Fields
    {
        public const string Headline = "headline";
        public const string Standfirst = "standfirst";
        public const string Body = "body";
        public const string Section = "section";
        public const string Authors = "authors";
        public const string Tags = "tags";
        public const string HeroMediaId = "heroMediaId";
    }

    /// <summary>The JSON names of the fields whose values differ from <paramref name="other"/>, in a stable order.</summary>
    public IReadOnlyList<string> ChangedFrom(ArticleContent other)
    {
        var changed = new List<string>();
        if (Headline != other.Headline) changed.Add(Fields.Headline);
        if (Standfirst != other.Standfirst) changed.Add(Fields.Standfirst);
        if (Body != other.Body) changed.Add(Fields.Body);
        if (Section != other.Section) changed.Add(Fields.Section);
        if (!Authors.SequenceEqual(other.Authors)) changed.Add(Fields.Authors);
        if (!Tags.SequenceEqual(other.Tags)) changed.Add(Fields.Tags);
        if (HeroMediaId != other.HeroMediaId) changed.Add(Fields.HeroMediaId);
        return changed;
    }
}
