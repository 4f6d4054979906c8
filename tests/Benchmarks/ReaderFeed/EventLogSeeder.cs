using System.Security.Cryptography;
using System.Text;
using JasperFx;
using JasperFx.Events;
using Marten;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.Contracts.Media;
using NewsPlatform.Contracts.Trending;
using Weasel.Core;

namespace NewsPlatform.Benchmarks.ReaderFeed;

/// <summary>
/// Writes a realistic event log straight into ReaderFeed's Marten schema — what its consumers would have
/// appended after a long run — so a rebuild has tens of thousands of events to replay. Per article: publish,
/// five revisions, a correction and a slug change, each carrying the whole article (a body like the seed's);
/// per photo: ready and updated; plus a Trending Now list every ten articles.
/// </summary>
public static class EventLogSeeder
{
    public const int EventsPerArticle = 8;

    public sealed record Seeded(long Events, PublicArticle Sample, string SamplePath);

    public static async Task<Seeded> SeedAsync(string connectionString, int articles, CancellationToken cancellationToken)
    {
        using var store = DocumentStore.For(opts =>
        {
            // The same event-store settings as ReaderFeed (EventBackbone and ReaderFeedExtensions); its host created the schema.
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = "readerfeed";
            opts.Events.DatabaseSchemaName = "readerfeed";
            opts.Events.AppendMode = EventAppendMode.Rich;
            opts.Events.MetadataConfig.EnableAll();
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            opts.Events.AddEventTypes([typeof(ArticlePublishedV1), typeof(ArticleRevisedV1), typeof(ArticleCorrectedV1),
                typeof(ArticleSlugChangedV1), typeof(ArticleUnpublishedV1), typeof(MediaAssetReadyV1), typeof(MediaAssetUpdatedV1),
                typeof(MediaAssetRetiredV1), typeof(TrendingChangedV1)]);
            opts.AutoCreateSchemaObjects = AutoCreate.None;
        });

        var sections = new[] { "news", "world", "politics", "business", "sports", "culture", "opinion" };
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        long events = 0;
        PublicArticle? sample = null;
        var recent = new List<PublicArticle>();
        const int batch = 100;
        for (var first = 0; first < articles; first += batch)
        {
            await using var session = store.LightweightSession();
            for (var i = first; i < Math.Min(articles, first + batch); i++)
            {
                var at = start.AddMinutes(i * 8);
                var mediaId = Guid.NewGuid();
                var asset = new PublicMediaAsset(mediaId, 3000, 2000, "Stefan Bruder / Shutterstock.com", $"Photo {i}.", $"Photo {i}", null,
                [
                    new Rendition(640, 427, "jpg", $"/media/{mediaId}/640.jpg"), new Rendition(1024, 683, "jpg", $"/media/{mediaId}/1024.jpg"),
                    new Rendition(640, 427, "webp", $"/media/{mediaId}/640.webp"), new Rendition(1024, 683, "webp", $"/media/{mediaId}/1024.webp"),
                ]);
                session.Events.StartStream(mediaId,
                    new MediaAssetReadyV1(Guid.NewGuid(), mediaId, 1, at, asset),
                    new MediaAssetUpdatedV1(Guid.NewGuid(), mediaId, 2, at.AddMinutes(1), asset with { Caption = $"Photo {i}, updated." }));

                var id = Guid.NewGuid();
                var article = new PublicArticle(id, sections[i % sections.Length], $"story-{i}", [], $"{Headline} ({i})", Standfirst, Body,
                    ["Camilla Jessen"], ["north-korea"], mediaId, at, null, []);
                var stream = new List<object> { new ArticlePublishedV1(Guid.NewGuid(), id, 1, at, article) };
                for (var v = 2; v <= 6; v++)
                {
                    article = article with { Headline = $"{Headline} ({i}, rev {v})" };
                    stream.Add(new ArticleRevisedV1(Guid.NewGuid(), id, v, at.AddMinutes(v), article, v == 6));
                }
                var correction = new PublicCorrection("An earlier version misstated the number of troops.", at.AddHours(2));
                article = article with { Corrections = [correction], UpdatedAt = correction.At };
                stream.Add(new ArticleCorrectedV1(Guid.NewGuid(), id, 7, correction.At, article, correction.Note));
                var renamed = article with { Slug = $"story-{i}-renamed", PreviousSlugs = [article.Slug] };
                stream.Add(new ArticleSlugChangedV1(Guid.NewGuid(), id, 8, at.AddHours(3), renamed, article.Slug));
                session.Events.StartStream(id, stream.ToArray());
                events += stream.Count + 2;
                sample ??= renamed;
                recent.Add(renamed);

                if (recent.Count == 10)
                {
                    // The rebuild folds trending lists by content; the stream only groups them (ReaderFeed uses one per scope).
                    session.Events.Append(TrendingStream, new TrendingChangedV1(Guid.NewGuid(), at, at, null,
                        recent.Select((a, n) => new TrendingItem(a.ArticleId, a.Headline, $"/{a.Section}/{a.Slug}", a.Section, 100 - n)).ToList()));
                    events++;
                    recent.Clear();
                }
            }
            await session.SaveChangesAsync(cancellationToken);
        }
        return new Seeded(events, sample!, $"/{sample!.Section}/{sample.Slug}");
    }

    static readonly Guid TrendingStream = new(MD5.HashData(Encoding.UTF8.GetBytes("readerfeed:trending:site")));

    const string Headline = "North Korean Soldiers Ordered to Commit Suicide to Avoid Capture";
    const string Standfirst = "North Korean troops stationed in Russia’s Kursk region have reportedly been instructed to commit suicide rather than risk being captured.";
    const string Body = """
        North Korean troops stationed in Russia’s Kursk region have reportedly been instructed to commit suicide rather than risk capture by Ukrainian forces, according to South Korea’s National Intelligence Service (NIS).

        This development was reported by Yonhap on January 13.

        ## First North Korean Soldiers Captured

        Ukrainian President Volodymyr Zelenskyy recently announced the capture of two North Korean soldiers, describing the operation as particularly challenging.

        > “Russian and North Korean forces often execute their own wounded to prevent evidence of North Korea’s involvement in the war,” Zelenskyy explained.

        In response, Zelenskyy extended a proposal to North Korean leader Kim Jong Un for a prisoner exchange, offering to swap North Korean soldiers for Ukrainian troops held by Russia.

        For those unwilling to return to North Korea, Zelenskyy suggested an alternative, saying, “For those who wish to promote peace by spreading the truth about this war in Korean, they will be given the opportunity.”

        A video released by Ukraine shows the captured North Korean soldiers in detention. In the footage, one prisoner expressed a desire to remain in Ukraine rather than return to his homeland.

        As of early January, approximately 300 North Korean soldiers have been killed and another 2,700 wounded in combat, according to NIS. These losses are attributed to what the agency describes as a “lack of understanding of modern warfare,” with ineffective tactics against Ukraine’s advanced long-range drones.

        Reports indicate that 10,000–12,000 North Korean troops have been deployed to support Russian forces, with their involvement in combat beginning in mid-November.

        ## Putin’s Growing Dependence on North Korea

        Zelenskyy emphasized that Russia’s reliance on Pyongyang underscores the weakening state of its military.

        > “Three years ago, [Russian leader Vladimir] Putin issued ultimatums to NATO and tried to rewrite history. Now, he cannot sustain his war without military aid from North Korea,” Zelenskyy said.

        Earlier, John Kirby, the U.S. Coordinator for Strategic Communications at the National Security Council, confirmed the significant losses faced by North Korean forces. He also noted reports of soldiers attempting suicide in the face of extreme conditions.
        """;
}
