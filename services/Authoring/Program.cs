using NewsPlatform.Authoring.Extensions;
using NewsPlatform.Authoring.Import;
using NewsPlatform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AuthoringExtensions.ServiceName);
builder.AddAuthoring();

var app = builder.Build();
app.UseServiceDefaults();
app.MapImportApi();
app.Run();
