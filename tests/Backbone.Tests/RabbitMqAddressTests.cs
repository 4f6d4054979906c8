using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.Backbone.Tests;

/// <summary>How <c>ConnectionStrings:RabbitMq</c> is read: one node or a cluster's nodes, amqp or amqps.</summary>
public sealed class RabbitMqAddressTests
{
    [Fact]
    public void A_single_node_address_keeps_its_host_port_vhost_and_credentials()
    {
        var address = RabbitMqAddress.Parse("amqp://news:p%40ss%2Fword@rabbit.internal:5673/newsroom");

        Assert.Equal([new RabbitMqNode("rabbit.internal", 5673)], address.Nodes);
        Assert.False(address.UseTls);
        Assert.Equal("newsroom", address.VirtualHost);
        Assert.Equal(("news", "p@ss/word"), (address.Username, address.Password));
    }

    [Fact]
    public void A_cluster_lists_every_node_and_the_ports_default_per_scheme()
    {
        var address = RabbitMqAddress.Parse("amqps://news:secret@rabbit-0,rabbit-1:5681,10.0.0.3/");

        Assert.True(address.UseTls);
        Assert.Equal([new("rabbit-0", 5671), new("rabbit-1", 5681), new RabbitMqNode("10.0.0.3", 5671)], address.Nodes);
        Assert.Equal("/", address.VirtualHost);
        Assert.Equal(5672, RabbitMqAddress.Parse("amqp://news:secret@rabbit-0").Port);
    }

    [Theory]
    [InlineData("http://news:secret@rabbit:5672/", "must start with amqp:// or amqps://")]
    [InlineData("amqp://news:secret@rabbit-0:5672,,rabbit-2:5672/", "a host is missing")]
    [InlineData("amqp://news:secret@rabbit-0:five/", "'five' (in 'rabbit-0:five') is not a port number")]
    [InlineData("amqp://news:secret@rabbit 0:5672/", "'rabbit 0' is not a host name or address")]
    public void A_malformed_address_is_refused_naming_the_setting_and_what_is_wrong(string value, string problem)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RabbitMqAddress.Parse(value));

        Assert.Contains("'ConnectionStrings:RabbitMq'", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }
}
