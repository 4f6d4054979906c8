using Microsoft.Extensions.Configuration;
using Npgsql;

namespace NewsPlatform.ServiceDefaults.EventStore;

/// <summary>
/// The one PostgreSQL connection pool of a service process, shared by Marten and every query of the service's
/// own, so a pod opens at most <c>Postgres:MaxPoolSize</c> connections (default
/// <see cref="DefaultMaxPoolSize"/>). The operations guide relates that size × the HPA maximum to
/// <c>max_connections</c>.
/// </summary>
public static class ServiceDatabase
{
    public const string MaxPoolSizeKey = "Postgres:MaxPoolSize";
    public const int DefaultMaxPoolSize = 50;

    public static NpgsqlDataSource Create(IConfiguration configuration, string serviceName)
    {
        var maxPoolSize = configuration.GetValue(MaxPoolSizeKey, DefaultMaxPoolSize);
        if (maxPoolSize < 2)
            throw new InvalidOperationException(
                $"NewsPlatform cannot start: '{MaxPoolSizeKey}' is {maxPoolSize}; a service needs at least 2 PostgreSQL connections (its daemon holds one).");
        var connection = new NpgsqlConnectionStringBuilder(configuration[EventBackbone.PostgresKey])
        {
            MaxPoolSize = maxPoolSize,
            // pg_stat_activity shows which service holds a connection.
            ApplicationName = serviceName,
        };
        return new NpgsqlDataSourceBuilder(connection.ConnectionString).Build();
    }
}
