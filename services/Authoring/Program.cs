using NewsPlatform.Authoring.Accounts;
using NewsPlatform.Authoring.Articles.Api;
using NewsPlatform.Authoring.Editor;
using NewsPlatform.Authoring.Extensions;
using NewsPlatform.Authoring.Import;
using NewsPlatform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AuthoringExtensions.ServiceName);
builder.AddAuthoring();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseServiceDefaults();
app.MapAuthApi();
app.MapArticlesApi();
app.MapImportApi();
app.MapEditorUi();
app.Run();
