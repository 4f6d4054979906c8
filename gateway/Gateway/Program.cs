using NewsPlatform.Gateway.Extensions;
using NewsPlatform.Gateway.Routing;
using NewsPlatform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddGateway();

var app = builder.Build();
app.UseGatewayEdge();
app.UseServiceDefaults();
app.UseGatewayPolicies();
app.MapGatewayProxy();
app.Run();
