using System.Diagnostics.Metrics;
using Marten;
using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Articles.Import;
using NewsPlatform.Authoring.Import.Parsing;
using NewsPlatform.ServiceDefaults.Newsroom;
using NewsPlatform.ServiceDefaults.Telemetry;
using F = NewsPlatform.Authoring.Articles.ArticleContent.Fields;

namespace NewsPlatform.Authoring.Import;

/// <summary>
/// Imports one text in the seed format: reads it, checks its section, and runs <see cref="ImportArticle"/> under
/// the id derived from the text. Shared by the HTTP endpoint, the command line and the start-up seeding.
/// </summary>
public sealed class TextImporter(ISessionFactory sessions, ImportArticleHandler handler, Sections sections, TimeZoneInfo newsroomZone)
{
    private static readonly Counter<long> Imported = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.import.texts", description: "Plain-text article imports, by outcome (Created, AlreadyImported, Unreadable, Refused)");

    public static TextImporter From(IServiceProvider services) => new(
        services.GetRequiredService<ISessionFactory>(),
        services.GetRequiredService<ImportArticleHandler>(),
        services.GetRequiredService<Sections>(),
        ImportSettings.NewsroomZone(services.GetRequiredService<IConfiguration>()));

    /// <param name="publish">Publish under the text's original time; otherwise a draft.</param>
    /// <param name="user">Recorded as the article's creator and in the events' metadata.</param>
    public async Task<TextImportResult> ImportAsync(string text, bool publish, string user, CancellationToken ct)
    {
        using var activity = NewsPlatformTelemetry.Source.StartActivity("import article text");
        var result = await RunAsync(text, publish, user, ct);
        activity?.SetTag("article.id", result.ArticleId);
        activity?.SetTag("import.outcome", result.Outcome.ToString());
        Imported.Add(1, new KeyValuePair<string, object?>("outcome", result.Outcome.ToString()));
        return result;
    }

    private async Task<TextImportResult> RunAsync(string text, bool publish, string user, CancellationToken ct)
    {
        var read = Read(text);
        if (read.Error is not null) return new(TextImportOutcome.Unreadable, read.ArticleId, ParseError: read.Error);

        // The service's session factory stamps the events with this trace, so the relayed messages continue it.
        await using var session = sessions.OpenSession();
        var result = await handler.HandleAsync(session, read.Command(publish), user, ct);
        return result.Outcome switch
        {
            ImportOutcome.Created => new(TextImportOutcome.Created, read.ArticleId, result.Article),
            ImportOutcome.AlreadyExisted => new(TextImportOutcome.AlreadyImported, read.ArticleId, result.Article),
            _ => new(TextImportOutcome.Refused, read.ArticleId, Reason: result.Reason, Errors: WithLines(result.Errors, read.Article!.Lines)),
        };
    }

    /// <summary>Reads a text and checks its section: the article and its id, or the line that is wrong. Pure.</summary>
    public ReadText Read(string text)
    {
        var articleId = ImportIds.ArticleId(text);
        var parsed = new SeedTextParser(newsroomZone).Parse(text);
        if (parsed.Article is not { } article) return new(articleId, null, parsed.Error);

        // Sections come from configuration; the parser cannot know them, but the line is known here.
        if (sections.Find(article.Section) is null)
            return new(articleId, null, SeedParseError.AtText(
                article.Lines.Section, $"a section of this newsroom ({sections.Describe()})", article.Section));
        return new(articleId, article, null);
    }

    /// <summary>A newsroom rule's refusal, each message naming the line of its field.</summary>
    public static Dictionary<string, string[]>? WithLines(IReadOnlyDictionary<string, string[]>? errors, FieldLines lines) =>
        errors?.ToDictionary(e => e.Key, e => e.Value.Select(message => LineOf(e.Key, lines) is { } line
            ? $"Line {line} ({e.Key}): {message}"
            : $"{e.Key}: {message}").ToArray());

    public static int? LineOf(string field, FieldLines lines) => field switch
    {
        F.Headline or "slug" => lines.Headline,
        F.Authors => lines.Byline,
        F.Section => lines.Section,
        F.Standfirst => lines.Standfirst,
        F.Body => lines.Body,
        F.HeroMediaId or "photoCredit" => lines.PhotoCredit,
        _ => null,
    };
}

/// <summary>A text as read by <see cref="TextImporter.Read"/>: its article (or the error) under the id derived from the text.</summary>
public sealed record ReadText(Guid ArticleId, ParsedArticle? Article, SeedParseError? Error)
{
    /// <summary>The command that imports the article, published under its original time or as a draft.</summary>
    public ImportArticle Command(bool publish) => new(ArticleId, Article!.Headline, Article.Standfirst, Article.Body, Article.Section,
        Article.Authors, publish ? Article.PublishedAt : null, Article.PhotoCredit);
}
