using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace NewsPlatform.ReaderFeed.Rendering;

/// <summary>Renders a Razor component to HTML bytes on the server (static rendering, no interactivity).</summary>
public sealed class ComponentRenderer(IServiceProvider services, ILoggerFactory loggerFactory)
{
    public async Task<byte[]> RenderAsync<TComponent, TModel>(TModel model) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model });
            var output = await renderer.RenderComponentAsync<TComponent>(parameters);
            return output.ToHtmlString();
        });
        return Encoding.UTF8.GetBytes(html);
    }
}
