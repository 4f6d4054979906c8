using NewsPlatform.Authoring.Editor;
using NewsPlatform.ServiceDefaults.EventStore;
using NewsPlatform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("authoring");
builder.AddEventBackbone("authoring", _ => { });

var app = builder.Build();
app.UseServiceDefaults();
app.MapEditorUi();
app.Run();
