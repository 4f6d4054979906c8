using NewsPlatform.Media;
using NewsPlatform.Media.Extensions;
using NewsPlatform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(MediaServiceExtensions.ServiceName);
builder.AddMediaServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapMediaApi();
app.MapMediaServing();
app.Run();
