using System;
using System.Collections.Generic;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// An operation's OpenAPI <c>security</c>: a list of alternatives, any one of which authenticates it, each a set of
/// schemes that are all sent together. Generated clients hold one instance per distinct requirement.
/// </summary>
/// <remarks>
/// <para>
/// An alternative is a bit mask over <see cref="ApiDescription.Schemes"/>: bit <c>i</c> stands for scheme <c>i</c>.
/// The mask 0 is the empty requirement <c>{}</c>: the operation may be called anonymously.
/// </para>
/// <para>
/// The transport sends the first alternative whose credentials are all configured. When none is, it sends nothing if
/// anonymous calls are allowed, and otherwise what is configured of the alternative it has most of (possibly nothing):
/// the server then answers, usually 401. It does not refuse to send, because credentials can also come from where the
/// client cannot see them (a <see cref="System.Net.Http.DelegatingHandler"/>, <see cref="ApiClientOptions.DefaultHeaders"/>).
/// </para>
/// </remarks>
public sealed class ApiSecurityRequirement
{
    private static readonly ApiSecurityRequirement[] s_fromAuth =
    {
        new(ApiAuth.None), new(ApiAuth.ApiKey), new(ApiAuth.Bearer), new(ApiAuth.ApiKey | ApiAuth.Bearer),
    };

    private static readonly long[] s_anonymous = { 0 };

    private readonly long[] _alternatives;
    private readonly ApiAuth? _auth;
    private Resolved? _resolved;
    private readonly KeyValuePair<int, string>[] _scopes;

    /// <summary>A requirement of alternatives.</summary>
    /// <param name="alternatives">Bit masks over <see cref="ApiDescription.Schemes"/>; 0 allows anonymous calls.</param>
    public ApiSecurityRequirement(params long[] alternatives)
    {
        _alternatives = alternatives ?? throw new ArgumentNullException(nameof(alternatives));
        _scopes = Array.Empty<KeyValuePair<int, string>>();
    }

    private ApiSecurityRequirement(ApiAuth auth)
    {
        _alternatives = Array.Empty<long>();
        _auth = auth;
        _scopes = Array.Empty<KeyValuePair<int, string>>();
    }

    private ApiSecurityRequirement(long[] alternatives, KeyValuePair<int, string>[] scopes)
    {
        _alternatives = alternatives;
        _scopes = scopes;
    }

    /// <summary>No credentials: the operation is always called anonymously.</summary>
    public static ApiSecurityRequirement None => s_fromAuth[0];

    /// <summary>
    /// The alternatives, as bit masks over <see cref="ApiDescription.Schemes"/>; empty for one converted from
    /// <see cref="ApiAuth"/>, whose flags are mapped onto each API's schemes when it is sent.
    /// </summary>
    public IReadOnlyList<long> Alternatives => _alternatives;

    /// <summary>The same requirement (of <see cref="ApiDescription.ApiKey"/> and <see cref="ApiDescription.Bearer"/>) as flags.</summary>
    /// <param name="auth">The flags: each set flag is an alternative of its own; <see cref="ApiAuth.None"/> is anonymous.</param>
    public static implicit operator ApiSecurityRequirement(ApiAuth auth)
        => (int)auth is >= 0 and <= 3 ? s_fromAuth[(int)auth] : new ApiSecurityRequirement(auth);

    /// <summary>A copy that asks an OAuth 2.0 client credentials scheme for these scopes when it fetches a token.</summary>
    /// <param name="scheme">The scheme's index in <see cref="ApiDescription.Schemes"/>.</param>
    /// <param name="scopes">The scopes, in the order the document lists them.</param>
    /// <returns>The new requirement.</returns>
    public ApiSecurityRequirement WithScopes(int scheme, params string[] scopes)
    {
        var all = new KeyValuePair<int, string>[_scopes.Length + 1];
        _scopes.CopyTo(all, 0);
        all[_scopes.Length] = new KeyValuePair<int, string>(scheme, string.Join(" ", scopes ?? Array.Empty<string>()));
        return new ApiSecurityRequirement(_alternatives, all);
    }

    /// <summary>The scopes asked for scheme <paramref name="scheme"/>, space-separated; empty when none.</summary>
    internal string ScopesFor(int scheme)
    {
        foreach (var pair in _scopes)
        {
            if (pair.Key == scheme)
            {
                return pair.Value;
            }
        }

        return string.Empty;
    }

    /// <summary>The alternatives for <paramref name="api"/>, the flags mapped onto its schemes.</summary>
    internal IReadOnlyList<long> Resolve(ApiDescription api)
    {
        if (_auth is not { } auth)
        {
            return _alternatives;
        }

        if (auth == ApiAuth.None)
        {
            return s_anonymous;
        }

        if (_resolved is { } resolved && ReferenceEquals(resolved.Api, api))
        {
            return resolved.Alternatives;
        }

        var alternatives = new List<long>(2);
        if ((auth & ApiAuth.ApiKey) != 0 && api.IndexOf(api.ApiKey) is >= 0 and var key)
        {
            alternatives.Add(1L << key);
        }

        if ((auth & ApiAuth.Bearer) != 0 && api.IndexOf(api.Bearer) is >= 0 and var bearer)
        {
            alternatives.Add(1L << bearer);
        }

        _resolved = new Resolved(api, alternatives.ToArray());
        return _resolved.Alternatives;
    }

    /// <summary>Flags mapped onto one API's schemes, kept so that calls do not map them again.</summary>
    private sealed class Resolved
    {
        public Resolved(ApiDescription api, long[] alternatives)
        {
            Api = api;
            Alternatives = alternatives;
        }

        public ApiDescription Api { get; }

        public long[] Alternatives { get; }
    }
}
