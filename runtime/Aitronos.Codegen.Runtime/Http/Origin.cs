using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// A URL's origin (RFC 6454): scheme, host and port. Credentials belong to the base URL's origin and go nowhere else.
/// </summary>
internal readonly struct Origin : IEquatable<Origin>
{
    private readonly string _scheme;
    private readonly string _host;
    private readonly int _port;

    private Origin(string scheme, string host, int port)
    {
        _scheme = scheme;
        _host = host;
        _port = port;
    }

    /// <summary>The origin of an absolute URL; <see cref="Uri.Port"/> gives the scheme's default port when none is written.</summary>
    public static Origin Of(Uri uri) => new(uri.Scheme, uri.IdnHost, uri.Port);

    public static bool operator ==(Origin left, Origin right) => left.Equals(right);

    public static bool operator !=(Origin left, Origin right) => !left.Equals(right);

    public bool Equals(Origin other)
        => string.Equals(_scheme, other._scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(_host, other._host, StringComparison.OrdinalIgnoreCase)
            && _port == other._port;

    public override bool Equals(object? obj) => obj is Origin other && Equals(other);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(_host) ^ _port;
}
