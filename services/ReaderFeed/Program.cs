using NewsPlatform.ServiceDefaults.EventStore;
using NewsPlatform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("readerfeed");
builder.AddEventBackbone("readerfeed", _ => { });

var app = builder.Build();
app.UseServiceDefaults();
app.Run();
