namespace NewsPlatform.Benchmarks.Trending;

/// <summary>
/// The wrk Lua script: each request a beacon for a random published article, from a new reader (an
/// np_reader cookie unique by thread and sequence) with a browser User-Agent — every request should count.
/// </summary>
public static class ViewsScript
{
    public const string Browser =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    public static string For(IReadOnlyList<Guid> articles) => $$"""
        local ids = { {{string.Join(", ", articles.Select(a => $"\"{a}\""))}} }
        local n = #ids
        local threads = 0
        function setup(thread)
          threads = threads + 1
          thread:set("tid", threads)
        end
        function init(args)
          math.randomseed(os.time() * 1000 + tid)
          sequence = 0
        end
        request = function()
          sequence = sequence + 1
          local reader = string.format("%04x%08x%08x%08x%04x", tid, sequence,
            math.random(0, 0x7fffffff), math.random(0, 0x7fffffff), math.random(0, 0xffff))
          local body = '{"articleId":"' .. ids[math.random(n)] .. '"}'
          return wrk.format("POST", "/api/trending/views", {
            ["Content-Type"] = "application/json",
            ["User-Agent"] = "{{Browser}}",
            ["Cookie"] = "np_reader=" .. reader,
          }, body)
        end
        """;
}
