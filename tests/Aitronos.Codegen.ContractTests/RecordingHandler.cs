using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.ContractTests;

/// <summary>One request the client sent and what Prism answered.</summary>
/// <param name="Violations">Prism's <c>sl-violations</c> header (its verdict on the request and response), or null.</param>
/// <param name="Body">The response body when it was an error, for the failure message.</param>
/// <param name="Request">The request's content type and its first bytes as text, for the failure message.</param>
public sealed record Exchange(string Method, string PathAndQuery, int Status, string? Violations, string? Body, string? Request = null);

/// <summary>
/// Sits between the generated client and the socket: records every exchange and, for the tests that prove the harness
/// can fail, lets a test tamper with a request after the client built it.
/// </summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly List<Exchange> _exchanges = new();

    public RecordingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Changes a request before it is sent (null: sent as the client built it).</summary>
    public Func<HttpRequestMessage, Task>? Tamper { get; set; }

    /// <summary>The base URL's path (<c>/v1</c> for a server that mounts the API there), left out of each recorded path.</summary>
    public string BasePath { get; set; } = string.Empty;

    public IReadOnlyList<Exchange> TakeExchanges()
    {
        lock (_exchanges)
        {
            var taken = _exchanges.ToList();
            _exchanges.Clear();
            return taken;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Tamper is { } tamper)
        {
            await tamper(request).ConfigureAwait(false);
        }

        string? sent = null;
        if (request.Content is { } content)
        {
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            sent = content.Headers.ContentType + " " + Shorten(await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string? violations = response.Headers.TryGetValues("sl-violations", out IEnumerable<string>? values) ? string.Join(",", values) : null;
        string? body = null;
        if ((int)response.StatusCode >= 400)
        {
            // Buffered so that the client can still read it after us.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            body = Shorten(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }

        lock (_exchanges)
        {
            _exchanges.Add(new Exchange(request.Method.Method, RelativePathAndQuery(request.RequestUri!), (int)response.StatusCode, violations, body, sent));
        }

        return response;
    }

    private static string Shorten(string text) => text.Length > 600 ? text.Substring(0, 600) + "..." : text;

    private string RelativePathAndQuery(Uri uri) =>
        BasePath.Length > 0 && uri.PathAndQuery.StartsWith(BasePath + "/", StringComparison.Ordinal) ? uri.PathAndQuery.Substring(BasePath.Length) : uri.PathAndQuery;
}
