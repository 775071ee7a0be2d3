using System;
using System.Net.Http;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Turns off a handler's own redirect following, so that the transport follows redirects itself and decides, hop by
/// hop, where credentials may go.
/// </summary>
internal static class AutomaticRedirects
{
    /// <summary>
    /// Sets <c>AllowAutoRedirect = false</c> on the handler that ends <paramref name="handler"/>'s chain of
    /// <see cref="DelegatingHandler"/>s, when it is an <see cref="HttpClientHandler"/> (or, on .NET 5 and later, a
    /// <c>SocketsHttpHandler</c>).
    /// </summary>
    /// <returns>
    /// <see langword="true"/> when that handler no longer follows redirects; <see langword="false"/> when it is of a
    /// kind the transport cannot steer (the transport then detects the redirects it follows).
    /// </returns>
    /// <exception cref="InvalidOperationException">The handler follows redirects and has already sent requests, so it can no longer be changed.</exception>
    public static bool TryDisable(HttpMessageHandler handler, string clientName)
    {
        var innermost = handler;
        while (innermost is DelegatingHandler { InnerHandler: { } inner })
        {
            innermost = inner;
        }

        try
        {
            switch (innermost)
            {
                case HttpClientHandler httpClientHandler:
                    if (httpClientHandler.AllowAutoRedirect)
                    {
                        httpClientHandler.AllowAutoRedirect = false;
                    }

                    return true;

#if NET5_0_OR_GREATER
                case SocketsHttpHandler socketsHandler:
                    if (socketsHandler.AllowAutoRedirect)
                    {
                        socketsHandler.AllowAutoRedirect = false;
                    }

                    return true;
#endif

                default:
                    return false;
            }
        }
        catch (InvalidOperationException exception)
        {
            // The handlers refuse property changes once they have sent a request.
            throw new InvalidOperationException(
                $"{clientName}: the {innermost.GetType().Name} given as ApiClientOptions.HttpMessageHandler follows redirects by itself and has already "
                + "sent requests, so the client cannot turn that off. Set AllowAutoRedirect = false on it before its first request, or pass a new handler.",
                exception);
        }
    }
}
