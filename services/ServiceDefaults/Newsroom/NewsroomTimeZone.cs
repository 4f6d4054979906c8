using Microsoft.Extensions.Configuration;

namespace NewsPlatform.ServiceDefaults.Newsroom;

/// <summary>
/// <c>Newsroom:TimeZone</c>: the zone times are shown and entered in (an IANA id, <see cref="DefaultId"/> when
/// unset). Stored times are UTC everywhere; an id this machine does not know stops start-up with a clear message.
/// </summary>
public static class NewsroomTimeZone
{
    public const string DefaultId = "Europe/Copenhagen";

    public static TimeZoneInfo From(IConfiguration configuration) =>
        Find(configuration["Newsroom:TimeZone"] is { } id && !string.IsNullOrWhiteSpace(id) ? id.Trim() : DefaultId);

    public static TimeZoneInfo Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException(
                $"NewsPlatform cannot start: 'Newsroom:TimeZone' is '{id}', which is not a time zone on this machine (use an IANA id such as {DefaultId}).", ex);
        }
    }
}
