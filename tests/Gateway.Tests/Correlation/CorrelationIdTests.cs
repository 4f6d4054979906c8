using NewsPlatform.Gateway.Correlation;

namespace NewsPlatform.Gateway.Tests.Correlation;

public sealed class CorrelationIdTests
{
    [Theory]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("order-2025-01-14.42")]
    [InlineData("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66")]
    public void A_short_plain_id_from_the_caller_is_kept(string id) => Assert.Equal(id, CorrelationId.Accept(id));

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("line\nbreak")]
    [InlineData("<script>")]
    [InlineData("quote\"")]
    public void Anything_else_is_replaced(string id) => Assert.Null(CorrelationId.Accept(id));

    [Fact]
    public void An_id_longer_than_128_characters_is_replaced()
    {
        Assert.NotNull(CorrelationId.Accept(new string('a', 128)));
        Assert.Null(CorrelationId.Accept(new string('a', 129)));
    }
}
