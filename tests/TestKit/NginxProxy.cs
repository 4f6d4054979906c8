using System.Diagnostics;
using System.Net.Sockets;

namespace NewsPlatform.TestKit;

/// <summary>
/// Debian's nginx as a reverse proxy on 127.0.0.1, in front of one upstream (the gateway, or a service for a
/// benchmark), configured as an operator would: HTTP/1.1 keep-alive to the upstream, <c>X-Forwarded-For</c>
/// appended with the client's address (<c>$proxy_add_x_forwarded_for</c>), <c>X-Forwarded-Proto</c> and the Host
/// passed on. Its own process, in a temporary prefix; <c>deploy/local/test.sh</c> and <c>bench.sh</c> install nginx.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    readonly Process _process;
    readonly DirectoryInfo _prefix;

    public Uri Address { get; }
    public int Id => _process.Id;

    NginxProxy(Process process, DirectoryInfo prefix, Uri address)
    {
        _process = process;
        _prefix = prefix;
        Address = address;
    }

    /// <param name="workers">nginx worker processes (<c>worker_processes</c>).</param>
    public static async Task<NginxProxy> StartAsync(Uri upstream, int workers = 1)
    {
        var prefix = Directory.CreateTempSubdirectory("newsplatform-nginx-");
        var port = ServiceProcess.FreePort();
        var p = prefix.FullName;
        File.WriteAllText(Path.Combine(p, "nginx.conf"), $$"""
            user root root;
            worker_processes {{workers}};
            daemon off;
            master_process on;
            pid {{p}}/nginx.pid;
            error_log stderr warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{p}}/client_body;
              proxy_temp_path {{p}}/proxy;
              fastcgi_temp_path {{p}}/fastcgi;
              uwsgi_temp_path {{p}}/uwsgi;
              scgi_temp_path {{p}}/scgi;
              upstream upstream {
                server {{upstream.Authority}};
                keepalive 128;
              }
              server {
                listen 127.0.0.1:{{port}} reuseport;
                location / {
                  proxy_pass http://upstream;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                }
              }
            }
            """);

        var start = new ProcessStartInfo(Executable(), ["-p", p, "-c", Path.Combine(p, "nginx.conf")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) errors.Enqueue(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var proxy = new NginxProxy(process, prefix, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {string.Join('\n', errors)}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return proxy;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The master and its workers (from <c>/proc</c>), to read their CPU time in benchmarks.</summary>
    public IReadOnlyList<int> ProcessIds()
    {
        var ids = new List<int> { _process.Id };
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1]) == _process.Id) ids.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return ids;
    }

    static string Executable()
    {
        foreach (var candidate in new[] { "/usr/sbin/nginx", "/usr/bin/nginx" })
            if (File.Exists(candidate)) return candidate;
        throw new FileNotFoundException("nginx is not installed: apt-get install nginx (deploy/local/test.sh installs it).");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { _prefix.Delete(recursive: true); }
        catch (IOException) { }
    }
}
