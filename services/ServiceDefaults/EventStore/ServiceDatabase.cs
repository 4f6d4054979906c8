using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NewsPlatform.ServiceDefaults.Hosting;
using Npgsql;

namespace NewsPlatform.ServiceDefaults.EventStore;

/// <summary>
/// The one PostgreSQL connection pool of a service process, shared by Marten and every query of the service's
/// own, so a pod opens at most <c>Postgres:MaxPoolSize</c> connections (default
/// 50, <see cref="PostgresOptions"/>). The operations guide relates that size × the HPA maximum to
/// <c>max_connections</c>.
/// </summary>
public static class ServiceDatabase
{
    public static NpgsqlDataSource Create(IHostApplicationBuilder builder, string serviceName)
    {
        var settings = builder.AddValidatedOptions<PostgresOptions>(PostgresOptions.Section);
        var connection = new NpgsqlConnectionStringBuilder(builder.Configuration[EventBackbone.PostgresKey])
        {
            MaxPoolSize = settings.MaxPoolSize,
            // pg_stat_activity shows which service holds a connection.
            ApplicationName = serviceName,
        };
        return new NpgsqlDataSourceBuilder(connection.ConnectionString).Build();
    }
}
