using System.Net;
using NewsPlatform.Trending.Ingest;

namespace NewsPlatform.Trending.Tests.Ingest;

public class ReaderIdentityTests
{
    static readonly byte[] Today = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    static readonly byte[] Tomorrow = Enumerable.Range(2, 32).Select(i => (byte)i).ToArray();
    static readonly IPAddress Address = IPAddress.Parse("198.51.100.23");
    const string Browser = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    [Fact]
    public void The_same_address_and_browser_hash_alike_within_a_day()
    {
        Assert.Equal(ReaderIdentity.FromAddress(Today, Address, Browser), ReaderIdentity.FromAddress(Today, IPAddress.Parse("198.51.100.23"), Browser));
    }

    [Fact]
    public void Another_day_another_address_or_another_browser_hash_differently()
    {
        var reader = ReaderIdentity.FromAddress(Today, Address, Browser);

        Assert.NotEqual(reader, ReaderIdentity.FromAddress(Tomorrow, Address, Browser));
        Assert.NotEqual(reader, ReaderIdentity.FromAddress(Today, IPAddress.Parse("198.51.100.24"), Browser));
        Assert.NotEqual(reader, ReaderIdentity.FromAddress(Today, Address, Browser + " Mobile"));
        Assert.NotEqual(reader, ReaderIdentity.FromAddress(Today, IPAddress.Parse("2001:db8::23"), Browser));
    }

    [Fact]
    public void The_hash_does_not_contain_the_address()
    {
        var reader = ReaderIdentity.FromAddress(Today, Address, Browser).ToByteArray();

        Assert.False(reader.AsSpan().IndexOf(Address.GetAddressBytes()) >= 0);
    }

    [Fact]
    public void A_very_long_user_agent_is_hashed_without_trouble() =>
        Assert.NotEqual(Guid.Empty, ReaderIdentity.FromAddress(Today, null, new string('x', 10_000)));

    [Theory]
    [InlineData("0f8fad5bd9cb469fa16570867728950e", true)]
    [InlineData("00000000000000000000000000000000", false)]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e", false)]
    [InlineData("not-a-reader", false)]
    [InlineData(null, false)]
    public void Only_a_well_formed_reader_cookie_is_believed(string? cookie, bool valid) =>
        Assert.Equal(valid, ReaderIdentity.TryReadCookie(cookie, out _));
}
