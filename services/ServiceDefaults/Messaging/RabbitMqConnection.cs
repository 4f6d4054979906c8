using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace NewsPlatform.ServiceDefaults.Messaging;

/// <summary>
/// How a bus reaches the broker: every node of the address (the client moves on to the next when one is lost),
/// and, for <c>amqps://</c>, TLS whose certificate must be issued by a trusted CA (the system's, or the one in
/// <c>Messaging:TlsCaFile</c>) for one of the node names in the address.
/// </summary>
public static class RabbitMqConnection
{
    public const string CaFileKey = "Messaging:TlsCaFile";

    /// <summary>The CA certificates <c>Messaging:TlsCaFile</c> names (PEM), or null for the system's trust store.</summary>
    public static X509Certificate2Collection? TrustedCa(string? path, RabbitMqAddress address)
    {
        if (path is not { Length: > 0 }) return null;
        if (!address.UseTls)
            throw new InvalidOperationException(
                $"NewsPlatform cannot start: '{CaFileKey}' is set but 'ConnectionStrings:RabbitMq' is not amqps://; " +
                "the CA is used only for TLS. Write the address as amqps://... or remove the setting.");
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is CryptographicException or IOException)
        {
            throw new InvalidOperationException($"NewsPlatform cannot start: '{CaFileKey}' ({path}) cannot be read as PEM certificates: {e.Message}", e);
        }

        return certificates.Count > 0
            ? certificates
            : throw new InvalidOperationException($"NewsPlatform cannot start: '{CaFileKey}' ({path}) holds no PEM certificate.");
    }

    /// <summary>Points a bus at the broker: nodes, credentials, publisher confirms, TLS.</summary>
    public static void ConnectTo(this IRabbitMqBusFactoryConfigurator cfg, RabbitMqAddress address,
        X509Certificate2Collection? trustedCa = null, ILogger? logger = null)
    {
        cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
        {
            h.Username(address.Username);
            h.Password(address.Password);
            h.PublisherConfirmation = true;
            if (address.Nodes.Count > 1)
                h.UseCluster(c =>
                {
                    foreach (var node in address.Nodes) c.Node($"{node.Host}:{node.Port}");
                });
            if (address.UseTls)
                h.UseSsl(s =>
                {
                    s.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
                    s.ServerName = address.Host;
                    s.CertificateValidationCallback = new CertificateCheck(address, trustedCa, logger).Validate;
                });
        });
    }

    /// <summary>
    /// Trusted issuer and right name, checked here rather than by the TLS stack alone: the client sends the first
    /// node's name to every node of a cluster, so a node's certificate may name any node of the address.
    /// </summary>
    sealed class CertificateCheck(RabbitMqAddress address, X509Certificate2Collection? trustedCa, ILogger? logger)
    {
        public bool Validate(object sender, X509Certificate? presented, X509Chain? chain, SslPolicyErrors errors)
        {
            var nodes = string.Join(", ", address.Nodes);
            if (presented is null)
                return Refuse($"the RabbitMQ broker ({nodes}) presented no TLS certificate");
            using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());

            if (!IsTrusted(certificate, chain, errors, out var why))
                return Refuse($"the TLS certificate of the RabbitMQ broker ({nodes}), '{certificate.Subject}' issued by " +
                              $"'{certificate.Issuer}', is not trusted: {why}");
            if (!address.Nodes.Any(n => certificate.MatchesHostname(n.Host)))
                return Refuse($"the TLS certificate of the RabbitMQ broker ({nodes}), '{certificate.Subject}', " +
                              "names none of the hosts in 'ConnectionStrings:RabbitMq'");
            return true;
        }

        bool IsTrusted(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors, out string why)
        {
            if (trustedCa is null)
            {
                why = "it is not issued by a CA this machine trusts (name the broker's CA with " + CaFileKey + ")";
                return (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0;
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(trustedCa);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain is not null)
                foreach (var element in chain.ChainElements) custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            var built = custom.Build(certificate);
            why = $"it is not issued by the CA in {CaFileKey} ({string.Join("; ", custom.ChainStatus.Select(s => s.StatusInformation.Trim()))})";
            return built;
        }

        bool Refuse(string message)
        {
            logger?.LogError("Not connecting to RabbitMQ: {Reason}", message);
            return false;
        }
    }
}
