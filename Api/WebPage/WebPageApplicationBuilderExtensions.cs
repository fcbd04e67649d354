using Microsoft.Extensions.FileProviders;

namespace VideoAspire.Api.WebPage;

/// <summary>
/// Serves the web page (Web/, built by Api.csproj's BuildWebPage target into WebPage/dist) at "/": same origin as the
/// Api, so the page needs no CORS and its bearer token goes to no other host. Not under wwwroot on purpose: the
/// Web SDK would list wwwroot's files as static web assets when the project is evaluated, before the page is built.
/// </summary>
internal static class WebPageApplicationBuilderExtensions
{
    public const string DistFolder = "WebPage/dist";

    public static IApplicationBuilder UseWebPage(this WebApplication app)
    {
        var root = Path.Combine(app.Environment.ContentRootPath, DistFolder);
        if (!Directory.Exists(root))
        {
            Log.WebPageMissing(app.Logger, root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        return app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }
}
