using NewsPlatform.Authoring.Accounts;
using NewsPlatform.Authoring.Articles.Api;
using NewsPlatform.Authoring.Editor;
using NewsPlatform.Authoring.Extensions;
using NewsPlatform.Authoring.Import;
using NewsPlatform.Authoring.Import.CommandLine;
using NewsPlatform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AuthoringExtensions.ServiceName);
builder.AddAuthoring();

var app = builder.Build();
ImportCommandLine.RunIfRequested(app.Services); // `import FILE...` imports and exits instead of serving
app.UseServiceDefaults();
app.MapAuthApi();
app.MapArticlesApi();
app.MapImportApi();
app.MapEditorUi();
app.Run();
