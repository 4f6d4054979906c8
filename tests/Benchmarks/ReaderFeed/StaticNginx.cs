using System.Diagnostics;

namespace NewsPlatform.Benchmarks.ReaderFeed;

/// <summary>
/// nginx from Debian serving one saved HTML file at the article's path, with its own config and prefix on a
/// free loopback port, tuned as a static server would be (open_file_cache, no access log). Stopped on dispose.
/// </summary>
public sealed class StaticNginx : IAsyncDisposable
{
    readonly string _prefix;
    readonly string _config;

    public Uri Address { get; }

    StaticNginx(string prefix, string config, Uri address) => (_prefix, _config, Address) = (prefix, config, address);

    public static async Task<StaticNginx> StartAsync(string path, byte[] html, int port)
    {
        var prefix = Directory.CreateTempSubdirectory("readerfeed-nginx-").FullName;
        var file = Path.Combine(prefix, "www", path.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, html);
        // Temporary folders are private to root; nginx's workers run as another user and must read the file.
        if (OperatingSystem.IsLinux())
            foreach (var dir in Directory.GetDirectories(prefix, "*", SearchOption.AllDirectories).Append(prefix))
                File.SetUnixFileMode(dir, (UnixFileMode)Convert.ToInt32("755", 8));
        var config = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes auto;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              sendfile on;
              tcp_nopush on;
              keepalive_requests 100000;
              open_file_cache max=100 inactive=60s;
              client_body_temp_path {{prefix}}/tmp;
              proxy_temp_path {{prefix}}/tmp;
              fastcgi_temp_path {{prefix}}/tmp;
              uwsgi_temp_path {{prefix}}/tmp;
              scgi_temp_path {{prefix}}/tmp;
              server {
                listen 127.0.0.1:{{port}};
                root {{prefix}}/www;
                location / { default_type "text/html; charset=utf-8"; }
              }
            }
            """);
        Directory.CreateDirectory(Path.Combine(prefix, "tmp"));
        await RunAsync("-c", config, "-p", prefix + "/");
        return new StaticNginx(prefix, config, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("-c", _config, "-p", _prefix + "/", "-s", "stop");
        try { Directory.Delete(_prefix, recursive: true); } catch (IOException) { }
    }

    static async Task RunAsync(params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("nginx", args) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("nginx did not start (apt-get install -y nginx).");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"nginx {string.Join(' ', args)} failed: {error}");
    }
}
