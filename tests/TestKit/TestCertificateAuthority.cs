using System.Diagnostics;

namespace NewsPlatform.TestKit;

/// <summary>
/// A certificate authority made with openssl for one test, and certificates it issues (PEM files in a
/// folder of its own, deleted afterwards), as an ops team's private CA signs its brokers' certificates.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    readonly string _folder;

    /// <summary>The CA's certificate, the file a client is told to trust.</summary>
    public string CertificateFile => Path.Combine(_folder, "ca.pem");

    TestCertificateAuthority(string folder) => _folder = folder;

    public static async Task<TestCertificateAuthority> CreateAsync(string name)
    {
        var folder = Directory.CreateTempSubdirectory("newsplatform-ca-").FullName;
        await OpenSslAsync(folder, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", "ca.key",
            "-out", "ca.pem", "-subj", $"/O=NewsPlatform tests/CN={name}",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return new TestCertificateAuthority(folder);
    }

    /// <summary>A server certificate for these DNS names and addresses: (certificate file, key file).</summary>
    public async Task<(string Certificate, string Key)> IssueServerAsync(string name, params string[] subjectAltNames)
    {
        var extensions = Path.Combine(_folder, name + ".ext");
        await File.WriteAllTextAsync(extensions,
            $"subjectAltName={string.Join(',', subjectAltNames)}\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n");
        await OpenSslAsync(_folder, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
            "-subj", $"/O=NewsPlatform tests/CN={name}");
        await OpenSslAsync(_folder, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "2", "-out", name + ".pem", "-extfile", extensions);
        return (Path.Combine(_folder, name + ".pem"), Path.Combine(_folder, name + ".key"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static async Task OpenSslAsync(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("openssl", args)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"openssl {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
    }
}
