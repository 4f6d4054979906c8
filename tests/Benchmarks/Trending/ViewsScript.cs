namespace NewsPlatform.Benchmarks.Trending;

/// <summary>
/// The wrk Lua script: each request a beacon for a random published article, from a new reader (an
/// np_reader cookie unique by thread and sequence) with a browser User-Agent — every request should count.
/// Each also carries <c>X-Forwarded-For</c> with a random reader address, as the load balancer in front of the
/// gateway adds it: the gateway believes it from loopback (its default trusted proxy), rate-limits per reader
/// address as in production, and forwards it to Trending.
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
        function ReaderAddress()
          return string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
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
            ["X-Forwarded-For"] = ReaderAddress(),
          }, body)
        end
        """;
}
