using NewsPlatform.ReaderFeed.Extensions;
using NewsPlatform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ReaderFeedExtensions.ServiceName);
builder.AddReaderFeed();

var app = builder.Build();
app.UseServiceDefaults();
app.UseReaderFeed();
app.MapReaderFeed();
app.Run();
