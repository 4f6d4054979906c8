using NewsPlatform.Authoring;
using NewsPlatform.Authoring.Accounts;
using NewsPlatform.Authoring.Admin;
using NewsPlatform.Authoring.Articles.Api;
using NewsPlatform.Authoring.Editor;
using NewsPlatform.Authoring.Extensions;
using NewsPlatform.Authoring.Import;
using NewsPlatform.Authoring.Import.CommandLine;
using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.ServiceDefaults.Relay;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AuthoringExtensions.ServiceName);
builder.AddAuthoring();

var app = builder.Build();
ImportCommandLine.RunIfRequested(app.Services); // `import FILE...` imports and exits instead of serving
ReplayCommandLine.RunIfRequested(app.Services, typeof(AuthoringEntryPoint).Assembly); // `replay --to QUEUE` likewise
app.UseServiceDefaults();
app.MapAuthApi();
app.MapArticlesApi();
app.MapImportApi();
app.MapAdminApi();
app.MapEditorUi();
app.Run();
