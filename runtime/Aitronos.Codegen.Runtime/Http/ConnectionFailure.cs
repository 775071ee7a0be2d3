using System;
using System.Net.Http;
using System.Net.Sockets;

namespace Aitronos.Codegen.Runtime;

/// <summary>What a failed connection tells about the request: whether the server can have seen it, and whether trying again can help.</summary>
internal static class ConnectionFailure
{
    /// <summary>
    /// Whether the connection was never made (refused, unreachable, host name not found), so that no byte of the
    /// request reached the server and even a POST can be sent again.
    /// </summary>
    public static bool BeforeSending(Exception exception)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }
#endif

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException
                {
                    SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                        or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData,
                })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the TLS handshake failed (a certificate rejected, no common protocol): the next attempt would fail alike.</summary>
    public static bool IsTlsHandshake(Exception exception)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError })
        {
            return true;
        }
#endif

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Security.Authentication.AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }
}
