using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.Trending.Apis;
using NewsPlatform.Trending.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(TrendingExtensions.ServiceName);
builder.AddTrending();

var app = builder.Build();
app.UseServiceDefaults();
app.MapTrendingApi();
app.Run();
