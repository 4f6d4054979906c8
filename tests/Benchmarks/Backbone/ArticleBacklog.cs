using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Events;
using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.Benchmarks.Text;

namespace NewsPlatform.Benchmarks.Backbone;

/// <summary>
/// A relay backlog of real Authoring article streams, written straight into Authoring's Marten schema with
/// Marten's bulk event import (binary COPY) while no Authoring process runs. Each article has the life an
/// editor gives it — drafted, edited twice, submitted, approved, published, revised twice, corrected, its slug
/// changed — as Authoring appends those events (the same types, aliases, metadata and a traceparent header),
/// with a Zipf-distributed body over wamerican-large. Articles are written in interleaved groups, as a newsroom
/// writes many at once. Only events are seeded: the relay reads nothing else.
/// </summary>
public static class ArticleBacklog
{
    public const int EventsPerArticle = 10;
    /// <summary>Published, two revisions, the correction and the slug change leave Authoring.</summary>
    public const int RelayedPerArticle = 5;
    const int Interleave = 50;
    static readonly string[] Sections = ["News", "World", "Politics", "Business", "Sports", "Culture", "Opinion"];

    public static DocumentStore Store(string connectionString) => DocumentStore.For(opts =>
    {
        // The event-store settings Authoring uses (EventBackbone and AuthoringExtensions.ConfigureStore).
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = "authoring";
        opts.Events.DatabaseSchemaName = "authoring";
        opts.Events.AppendMode = EventAppendMode.Rich;
        opts.Events.MetadataConfig.EnableAll();
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Events.AddEventTypes([
            typeof(ArticleDrafted), typeof(ArticleEdited), typeof(ArticleSubmitted), typeof(ArticleApproved),
            typeof(ArticleScheduled), typeof(ArticleUnscheduled), typeof(ArticlePublished), typeof(ArticleRevised),
            typeof(ArticleCorrected), typeof(ArticleSlugChanged), typeof(ArticleUnpublished), typeof(HeroCreditImported),
        ]);
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
    });

    /// <summary>Appends <paramref name="articles"/> article streams (10 events each); returns the events written.</summary>
    public static async Task<long> SeedAsync(string connectionString, int articles, int seed, CancellationToken cancellationToken)
    {
        using var store = Store(connectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var ids = Enumerable.Range(0, articles).Select(_ => Guid.NewGuid()).ToArray();
        var headers = ids.Select(id => new BulkEventStreamHeader { Id = id, Version = EventsPerArticle }).ToList();
        await store.BulkInsertEventStreamAsync(StorageConstants.DefaultTenantId, headers, Events(ids, seed), batchSize: 5_000,
            cancellation: cancellationToken);
        return (long)articles * EventsPerArticle;
    }

    static async IAsyncEnumerable<IEvent> Events(Guid[] ids, int seed)
    {
        var text = new ZipfText(seed);
        var start = DateTimeOffset.UtcNow.AddYears(-2);
        for (var first = 0; first < ids.Length; first += Interleave)
        {
            // A group of articles worked on together: their events alternate, each stream in version order.
            var group = Enumerable.Range(first, Math.Min(Interleave, ids.Length - first))
                .Select(i => Life(ids[i], text, start.AddMinutes(i * 7.0), i).GetEnumerator())
                .ToList();
            while (group.Count > 0)
            {
                for (var n = group.Count - 1; n >= 0; n--)
                {
                    if (group[n].MoveNext()) yield return group[n].Current;
                    else group.RemoveAt(n);
                }
            }
            await Task.Yield();
        }
    }

    static IEnumerable<IEvent> Life(Guid id, ZipfText text, DateTimeOffset at, int index)
    {
        var editor = text.Byline();
        var content = new ArticleContent(text.Headline(), text.Sentence(), text.Body(5 + text.Next(6)), Sections[index % Sections.Length],
            [editor], [text.Word(), text.Word()], null);
        var slug = Slugs.From(content.Headline);
        var version = 0;
        IEvent Next(object data, double minutes) => Event(id, ++version, data, at.AddMinutes(minutes), editor);

        yield return Next(new ArticleDrafted(id, content, slug, editor, at), 0);
        var edited = content with { Body = content.Body + "\n\n" + text.Body(1) };
        yield return Next(new ArticleEdited(edited, [ArticleContent.Fields.Body], at.AddMinutes(5)), 5);
        var retitled = edited with { Headline = text.Headline() };
        yield return Next(new ArticleEdited(retitled, [ArticleContent.Fields.Headline], at.AddMinutes(9)), 9);
        yield return Next(new ArticleSubmitted(at.AddMinutes(12)), 12);
        yield return Next(new ArticleApproved(at.AddMinutes(20)), 20);
        yield return Next(new ArticlePublished(at.AddMinutes(21), null, at.AddMinutes(21)), 21);
        var revised = retitled with { Body = retitled.Body + "\n\n" + text.Body(1) };
        yield return Next(new ArticleRevised(revised, [ArticleContent.Fields.Body], false, at.AddMinutes(40)), 40);
        var updated = revised with { Standfirst = text.Sentence(), Body = revised.Body + "\n\n" + text.Body(1) };
        yield return Next(new ArticleRevised(updated, [ArticleContent.Fields.Standfirst, ArticleContent.Fields.Body], true, at.AddMinutes(90)), 90);
        var corrected = updated with { Body = updated.Body.Replace(". ", ", ", StringComparison.Ordinal) };
        yield return Next(new ArticleCorrected("An earlier version of this article misstated " + text.Words(4) + ".", corrected,
            [ArticleContent.Fields.Body], at.AddMinutes(130)), 130);
        yield return Next(new ArticleSlugChanged(slug, slug + "-" + index, at.AddMinutes(131)), 131);
    }

    static IEvent Event(Guid stream, long version, object data, DateTimeOffset at, string user)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.Id = Guid.NewGuid();
        e.StreamId = stream;
        e.Version = version;
        e.Timestamp = at;
        e.UserName = user;
        // As the request that appended it would have left it (TraceHeadersListener): the relay parents its span on this.
        e.SetHeader("traceparent", $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01");
        return e;
    }
}
