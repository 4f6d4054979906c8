using System.Buffers;

namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// Recognises crawlers, link-preview fetchers, monitors, headless browsers and HTTP libraries by their
/// User-Agent. A request without a User-Agent is not a reader's browser either. Maintained here: add a
/// token when a new crawler shows up in the logs (the unit tests list real User-Agents).
/// </summary>
public static class BotFilter
{
    /// <summary>Matched anywhere in the User-Agent, ignoring case.</summary>
    public static readonly IReadOnlyList<string> Tokens =
    [
        // Generic words crawlers use for themselves (Googlebot, bingbot, AhrefsBot, Baiduspider, ...).
        "bot", "crawl", "spider", "slurp", "scrape", "archiver", "fetcher", "preview",
        // Link previews and feed readers that do not say "bot".
        "facebookexternalhit", "facebookcatalog", "meta-externalagent", "whatsapp", "skypeuripreview", "embedly",
        "vkshare", "mastodon/", "feedfetcher", "feedly", "newsblur", "inoreader",
        // AI and SEO crawlers.
        "gptbot", "chatgpt-user", "oai-searchbot", "ccbot", "anthropic", "perplexity", "bytespider", "google-extended",
        "google-inspectiontool", "mediapartners-google", "adsbot", "semrush", "ahrefs", "mj12", "dataforseo",
        // Monitors and audits.
        "uptime", "pingdom", "statuscake", "site24x7", "datadog", "newrelic", "lighthouse", "pagespeed", "gtmetrix",
        // Automation and headless browsers.
        "headlesschrome", "phantomjs", "puppeteer", "playwright", "selenium",
        // HTTP libraries and command-line tools.
        "curl/", "wget/", "httpie", "python-requests", "python-urllib", "python-httpx", "aiohttp", "scrapy",
        "go-http-client", "okhttp", "java/", "apache-httpclient", "libwww-perl", "lwp::", "axios/", "node-fetch",
        "undici", "got (", "ruby", "php/", "guzzlehttp", "rest-client", "postmanruntime", "insomnia", "httrack",
    ];

    /// <summary>Device names that contain a token but belong to people (the Cubot phone brand contains "bot").</summary>
    public static readonly IReadOnlyList<string> PeopleTokens = ["cubot"];

    static readonly SearchValues<string> BotValues = SearchValues.Create(Tokens.ToArray(), StringComparison.OrdinalIgnoreCase);
    static readonly SearchValues<string> PeopleValues = SearchValues.Create(PeopleTokens.ToArray(), StringComparison.OrdinalIgnoreCase);

    public static bool IsBot(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return true;
        var span = userAgent.AsSpan();
        return span.ContainsAny(BotValues) && !span.ContainsAny(PeopleValues);
    }
}
