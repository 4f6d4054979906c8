using Microsoft.Extensions.Configuration;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Newsroom;

/// <summary>Reads <c>Newsroom:Sections</c> (a list, or one comma-separated value; the default list when unset).</summary>
public static class NewsroomSettings
{
    public static Sections ReadSections(IConfiguration configuration) => new(NewsroomSections.NamesFrom(configuration));
}
