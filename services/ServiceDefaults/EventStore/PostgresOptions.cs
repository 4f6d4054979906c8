using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.ServiceDefaults.EventStore;

/// <summary>Settings under <c>Postgres</c>: the size of the service's one connection pool.</summary>
public sealed class PostgresOptions : IValidatedOptions
{
    public const string Section = "Postgres";

    /// <summary>At most this many connections per process (see the operations guide's connections table).</summary>
    public int MaxPoolSize { get; set; } = 50;

    public IEnumerable<SettingProblem> Validate()
    {
        if (MaxPoolSize < 2)
            yield return new(nameof(MaxPoolSize), $"is {MaxPoolSize}; a service needs at least 2 PostgreSQL connections (its daemon holds one)");
    }
}
