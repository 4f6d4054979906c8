using NewsPlatform.Media;
using NewsPlatform.Media.Extensions;
using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.ServiceDefaults.Relay;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(MediaServiceExtensions.ServiceName);
builder.AddMediaServices();

var app = builder.Build();
ReplayCommandLine.RunIfRequested(app.Services, typeof(MediaEntryPoint).Assembly); // `replay --to QUEUE` replays and exits
app.UseServiceDefaults();
app.MapMediaApi();
app.MapMediaServing();
app.MapReplayApi("/api/media/admin/replays");
app.Run();
