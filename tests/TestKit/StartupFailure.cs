namespace NewsPlatform.TestKit;

/// <summary>
/// Starts a service's real host builder (its <c>Program</c>, as <see cref="ServiceFactory{TEntryPoint}"/> does)
/// with settings that are wrong, and returns what it stopped with, as an operator would read it in the log.
/// The database and broker addresses are placeholders: a wrong setting is refused before anything connects.
/// </summary>
public static class StartupFailure
{
    public static string Of<TEntryPoint>(IReadOnlyDictionary<string, string?> wrong) where TEntryPoint : class
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
            ["ConnectionStrings:RabbitMq"] = "amqp://none:none@127.0.0.1:1/",
            ["Jwt:SigningKey"] = TestEnvironment.JwtSigningKey,
        };
        foreach (var (key, value) in wrong) settings[key] = value;

        using var factory = new ServiceFactory<TEntryPoint>(settings);
        try
        {
            _ = factory.Services;
        }
        catch (Exception failure)
        {
            return string.Join("\n", Messages(failure));
        }
        throw new InvalidOperationException("The service started although its settings are wrong.");
    }

    static IEnumerable<string> Messages(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Messages),
        { InnerException: { } inner } => [exception.Message, .. Messages(inner)],
        _ => [exception.Message],
    };
}
