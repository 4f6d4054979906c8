namespace NewsPlatform.TestKit;

/// <summary>
/// Where the real PostgreSQL and RabbitMQ for tests are. deploy/local/test.sh starts them and sets
/// these variables; running tests another way needs the same (see .state/test/test.env).
/// </summary>
public static class TestEnvironment
{
    public static string PostgresAdmin => Get("NEWSPLATFORM_TEST_POSTGRES");
    public static string RabbitMq => Get("NEWSPLATFORM_TEST_RABBITMQ");
    public static string RabbitMqManagement => Get("NEWSPLATFORM_TEST_RABBITMQ_MANAGEMENT");
    public static string RabbitMqUser => Get("NEWSPLATFORM_TEST_RABBITMQ_USER");
    public static string RabbitMqPassword => Get("NEWSPLATFORM_TEST_RABBITMQ_PASSWORD");

    /// <summary>A signing key used only by tests, the same for every host a test starts.</summary>
    public const string JwtSigningKey = "newsplatform-tests-signing-key-0123456789abcdef";

    static string Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{name} is not set. Run the tests through deploy/local/test.sh, or start its servers with " +
            "NP_KEEP_INFRA=1 deploy/local/test.sh and source .state/test/test.env.");
}
