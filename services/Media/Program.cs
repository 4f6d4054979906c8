using NewsPlatform.ServiceDefaults.EventStore;
using NewsPlatform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("media");
builder.AddEventBackbone("media", _ => { });

var app = builder.Build();
app.UseServiceDefaults();
app.Run();
