using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aitronos.Codegen.Testing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (or another loopback address, such as <see cref="SecondLoopbackAddress"/>) with an
/// OS-assigned port, over http or https, answering with the test's handler and recording every request as it arrived
/// on the wire. Shared as a linked source file by the test projects.
/// </summary>
/// <example>
/// <code>
/// await using var server = await LoopbackServer.StartAsync(ctx => LoopbackServer.RespondAsync(ctx, 200, "{}"));
/// // ... send to server.BaseUrl ...
/// Assert.Equal("/v1/items?limit=5", server.Requests.Single().Target);
/// </code>
/// </example>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests;

    private readonly RequestCounter _counter;

    private LoopbackServer(WebApplication app, ConcurrentQueue<RecordedRequest> requests, RequestCounter counter, Uri baseUrl)
    {
        _app = app;
        _requests = requests;
        _counter = counter;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's root, such as <c>http://127.0.0.1:45123/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>How many requests have arrived so far, recorded or not.</summary>
    public int RequestCount => Volatile.Read(ref _counter.Count);

    /// <summary>
    /// A second loopback address, 127.0.0.2: a host of its own, so a URL on it is another origin than one on
    /// 127.0.0.1 whatever the ports. Linux routes all of 127.0.0.0/8 to the loopback interface; macOS needs an alias
    /// (<c>sudo ifconfig lo0 alias 127.0.0.2</c>).
    /// </summary>
    public static readonly IPAddress SecondLoopbackAddress = IPAddress.Parse("127.0.0.2");

    /// <summary>Starts a server on http://127.0.0.1 that records each request, then lets <paramref name="handler"/> answer it.</summary>
    public static Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler) => StartAsync(handler, IPAddress.Loopback);

    /// <summary>
    /// Starts a server on <paramref name="address"/> that records each request, then lets <paramref name="handler"/>
    /// answer it; over https with <paramref name="certificate"/> when one is given (see <see cref="CreateCertificate"/>);
    /// on <paramref name="port"/> when it is not 0 (for example one from <see cref="GetClosedPort"/> that a client was
    /// refused on), else on a port the OS assigns.
    /// </summary>
    public static Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler, IPAddress address, X509Certificate2? certificate = null, int port = 0)
        => StartAsync(handler, address, certificate, port, recordRequests: true);

    /// <summary>
    /// Starts a server on http://127.0.0.1 that only counts requests (<see cref="RequestCount"/>) and leaves
    /// <see cref="Requests"/> empty: for load, where keeping every request would be the memory growth being measured.
    /// </summary>
    public static Task<LoopbackServer> StartUnrecordedAsync(Func<HttpContext, Task> handler)
        => StartAsync(handler, IPAddress.Loopback, null, 0, recordRequests: false);

    private static async Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler, IPAddress address, X509Certificate2? certificate, int port, bool recordRequests)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(address);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        // A handler still waiting when the test ends must not hold up disposal for the default 30 seconds.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();

        var requests = new ConcurrentQueue<RecordedRequest>();
        var counter = new RequestCounter();
        app.Run(async context =>
        {
            Interlocked.Increment(ref counter.Count);
            if (!recordRequests)
            {
                await handler(context);
                return;
            }

            var request = context.Request;
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            var headers = request.Headers.ToDictionary(
                header => header.Key,
                header => header.Value.ToString(),
                StringComparer.OrdinalIgnoreCase);
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
            requests.Enqueue(new RecordedRequest(request.Method, target, headers, body.ToArray()));

            // The handler may read the body too.
            body.Position = 0;
            request.Body = body;
            await handler(context);
        });

        await app.StartAsync();
        var url = app.Urls.Single();
        return new LoopbackServer(app, requests, counter, new Uri(url.EndsWith('/') ? url : url + "/"));
    }

    /// <summary>Writes a status, a body and its content type.</summary>
    public static async Task RespondAsync(HttpContext context, int statusCode, string? body, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = statusCode;
        if (body is not null)
        {
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>
    /// A self-signed server certificate for the loopback addresses (127.0.0.1 and <see cref="SecondLoopbackAddress"/>),
    /// made in memory and valid for a day. Clients must trust it explicitly, for example by comparing its thumbprint
    /// in <c>HttpClientHandler.ServerCertificateCustomValidationCallback</c>.
    /// </summary>
    public static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Aitronos.Codegen loopback", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(SecondLoopbackAddress);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Round-trip through PKCS#12 so that the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }

    /// <summary>
    /// A loopback port that nothing listens on: bound by the OS, then released, so that connecting to it is refused.
    /// </summary>
    public static int GetClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Stops the server; requests still being handled see their <see cref="HttpContext.RequestAborted"/> fire.</summary>
    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>A count shared between the server's pipeline and the <see cref="LoopbackServer"/> that reports it.</summary>
internal sealed class RequestCounter
{
    public int Count;
}

/// <summary>One request as the server received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">The request target exactly as sent (path and query, still escaped).</param>
/// <param name="Headers">The headers, names case-insensitive, repeated values joined with <c>", "</c>.</param>
/// <param name="Body">The body's bytes; empty when there was none.</param>
public sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>A header's value, or <see langword="null"/> when the request did not carry it.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
