namespace NewsPlatform.Deploy.Tests.Repository;

/// <summary>
/// The compose and manifest checks trust what <see cref="SourceConfiguration"/> finds in the code;
/// these pin it to settings the foundation is known to read and require.
/// </summary>
public sealed class SourceConfigurationTests
{
    [Theory]
    [InlineData("authoring")]
    [InlineData("media")]
    [InlineData("trending")]
    [InlineData("readerfeed")]
    public void A_service_on_the_event_backbone_requires_the_database_the_broker_and_the_signing_key(string name)
    {
        var configuration = NewsPlatformService.Named(name).Configuration;

        Assert.Superset(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ConnectionStrings:Postgres", "ConnectionStrings:RabbitMq", "Jwt:SigningKey" },
            configuration.RequiredKeys.ToHashSet(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(name, configuration.BackboneName);
    }

    [Fact]
    public void The_gateway_requires_the_signing_key_but_no_database_or_broker()
    {
        var configuration = NewsPlatformService.Named("gateway").Configuration;

        Assert.Contains("Jwt:SigningKey", configuration.RequiredKeys);
        Assert.DoesNotContain("ConnectionStrings:Postgres", configuration.RequiredKeys);
        Assert.DoesNotContain("ConnectionStrings:RabbitMq", configuration.RequiredKeys);
        Assert.Null(configuration.BackboneName);
    }

    [Theory]
    [InlineData("ConnectionStrings:Postgres", true)]   // a constant in ServiceDefaults
    [InlineData("connectionstrings:rabbitmq", true)]   // configuration keys ignore case
    [InlineData("Jwt:SigningKey", true)]               // an interpolation of JwtOptions.Section
    [InlineData("Jwt:AccessTokenLifetime", true)]      // a property of the options bound to "Jwt"
    [InlineData("Relay:DegradedLag", true)]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", true)]
    [InlineData("ASPNETCORE_HTTP_PORTS", true)]        // read by the host
    [InlineData("Logging:LogLevel:Marten", true)]      // appsettings.json
    [InlineData("Jwt:SigningKye", false)]
    [InlineData("ConnectionStrings:Postgre", false)]
    [InlineData("Jwt:Nonsense", false)]
    [InlineData("Trending:HalfLife", false)]           // another service's section
    public void It_tells_the_settings_a_service_reads_from_misspelt_or_foreign_ones(string key, bool read)
    {
        Assert.Equal(read, NewsPlatformService.Named("media").Configuration.Reads(key));
    }
}
