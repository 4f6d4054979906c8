using NewsPlatform.ServiceDefaults.EventStore;
using NewsPlatform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("trending");
builder.AddEventBackbone("trending", _ => { });

var app = builder.Build();
app.UseServiceDefaults();
app.Run();
