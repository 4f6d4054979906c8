using Microsoft.Extensions.Configuration;

namespace NewsPlatform.ServiceDefaults.Hosting;

/// <summary>
/// Fails start-up with one message naming every missing setting, instead of a
/// NullReferenceException deep inside a library later.
/// </summary>
public static class RequiredConfiguration
{
    public static string Require(this IConfiguration configuration, string key) =>
        Missing(configuration, [key]) is { Count: 0 } ? configuration[key]! : throw Failure([key]);

    public static void RequireAll(this IConfiguration configuration, params string[] keys)
    {
        var missing = Missing(configuration, keys);
        if (missing.Count > 0) throw Failure(missing);
    }

    static List<string> Missing(IConfiguration configuration, IEnumerable<string> keys) =>
        keys.Where(k => string.IsNullOrWhiteSpace(configuration[k])).ToList();

    static InvalidOperationException Failure(IReadOnlyCollection<string> keys) => new(
        "NewsPlatform cannot start: missing configuration " +
        string.Join(", ", keys.Select(k => $"'{k}' (environment variable {k.Replace(":", "__")})")) +
        ". Set it in appsettings.json or the environment; deploy/local/up.sh sets development values.");
}
