using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Aitronos.Codegen.Runtime;

public sealed partial class ApiTransport
{
    private readonly Origin _baseOrigin;
    private readonly CrossOriginRedirectPolicy _crossOriginRedirects;
    private readonly int _maxRedirects;
    private readonly Sender _sender;
    private readonly string? _handlerName;

    /// <summary>Who sends the requests, which decides who may follow redirects and what to advise when one escapes.</summary>
    private enum Sender
    {
        /// <summary>The transport's own handler, which never follows redirects.</summary>
        OwnHandler,

        /// <summary><see cref="ApiClientOptions.HttpMessageHandler"/>: turned off where it can be.</summary>
        SuppliedHandler,

        /// <summary>The caller's <see cref="HttpClient"/>, whose handler the transport cannot steer.</summary>
        SuppliedHttpClient,
    }

    /// <summary>
    /// Builds the request that follows a redirect, or returns <see langword="null"/> when the response is not a
    /// redirect that can be followed (no <c>Location</c>, or a status such as 304) and fails like any other status.
    /// </summary>
    /// <param name="sent">The request the response answers.</param>
    /// <param name="method">The method it was sent with, recorded before sending.</param>
    /// <param name="sentUri">The URI it was sent to, recorded before sending.</param>
    /// <param name="response">The response, possibly a redirect.</param>
    /// <param name="credentials">What the transport added to the first request.</param>
    /// <param name="chain">How many redirects were followed, and whether the chain has left the origin.</param>
    /// <param name="redactor">Masks the request's credentials in messages.</param>
    /// <exception cref="ApiRedirectException">A redirect the policy does not follow.</exception>
    private HttpRequestMessage? FollowRedirect(
        HttpRequestMessage sent,
        HttpMethod method,
        Uri sentUri,
        HttpResponseMessage response,
        SentCredentials credentials,
        ref RedirectChain chain,
        SecretRedactor redactor)
    {
        var status = (int)response.StatusCode;
        if (status is not (300 or 301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
        {
            return null;
        }

        // A supplied HttpClient may have followed same-origin redirects itself: the response came from where it ended.
        var answeredBy = response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } final ? final : sentUri;
        var target = location.IsAbsoluteUri ? location : new Uri(answeredBy, location);
        var request = Describe(method, sentUri);
        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
        {
            throw RedirectError(ApiRedirectFailure.InvalidLocation, response, answeredBy, null, redactor,
                $"{request} was redirected ({StatusText(response)}) to a location that is not an http or https URL ({target.Scheme}:...); it is not followed.");
        }

        var shownTarget = ShowUrl(target, redactor);
        if (answeredBy.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
        {
            throw RedirectError(ApiRedirectFailure.InsecureRedirect, response, answeredBy, shownTarget, redactor,
                $"{request} was redirected ({StatusText(response)}) from https to http, {shownTarget}; a redirect that gives up https is never followed.");
        }

        var onOrigin = Origin.Of(target) == _baseOrigin;
        if (!onOrigin)
        {
            if (_crossOriginRedirects == CrossOriginRedirectPolicy.Refuse)
            {
                throw RedirectError(ApiRedirectFailure.CrossOrigin, response, answeredBy, shownTarget, redactor,
                    $"{request} was redirected ({StatusText(response)}) to another origin, {shownTarget}, and ApiClientOptions.CrossOriginRedirects is Refuse. "
                    + "Set it to FollowWithoutCredentials to follow such redirects without credentials.");
            }

            // HttpClient adds its DefaultRequestHeaders to every request it sends; the transport cannot hold them back.
            if (FirstCredentialHeader(_httpClient.DefaultRequestHeaders) is { } header)
            {
                throw RedirectError(ApiRedirectFailure.CrossOrigin, response, answeredBy, shownTarget, redactor,
                    $"{request} was redirected ({StatusText(response)}) to another origin, {shownTarget}, and is not followed: the supplied HttpClient's "
                    + $"DefaultRequestHeaders hold {header}, which it would send there. Give credentials through the client's options (ApiKey, AccessToken, "
                    + "AccessTokenProvider); they stay on the base URL's origin.");
            }
        }

        if (chain.Count >= _maxRedirects)
        {
            throw RedirectError(ApiRedirectFailure.TooManyRedirects, response, answeredBy, shownTarget, redactor, _maxRedirects == 0
                ? $"{request} was redirected ({StatusText(response)}) to {shownTarget}, and ApiClientOptions.MaxRedirects is 0: redirects are not followed."
                : $"{request} was redirected more than {_maxRedirects} times (ApiClientOptions.MaxRedirects); the last redirect ({StatusText(response)}) led to {shownTarget}.");
        }

        // As browsers and HttpClient do: 301 and 302 turn a POST into a GET, 303 turns all but GET and HEAD into a GET.
        var nextMethod = sent.Method;
        if ((status is 300 or 301 or 302 && nextMethod == HttpMethod.Post)
            || (status == 303 && nextMethod != HttpMethod.Get && nextMethod != HttpMethod.Head))
        {
            nextMethod = HttpMethod.Get;
        }

        var content = nextMethod == sent.Method ? sent.Content : null;
        if (content is not null && !ContentReplay.IsReplayable(content))
        {
            throw RedirectError(ApiRedirectFailure.BodyNotReplayable, response, answeredBy, shownTarget, redactor,
                $"{request} was redirected ({StatusText(response)}) to {shownTarget}, which needs the request body sent again, but the body "
                + $"({content.GetType().Name}) cannot be replayed, so it is not. Send a buffered body (ByteArrayContent, StringContent) or a StreamContent "
                + "over a stream that can seek.");
        }

        chain.Count++;
        chain.LeftOrigin |= !onOrigin;
        var trusted = !chain.LeftOrigin;

        // User info and fragment are never sent; an API key the Location copied is put back only on the origin.
        var next = new HttpRequestMessage(nextMethod, new Uri(WithoutQueryApiKey(target.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped))))
        {
            Content = content,
        };
        CopyOptions(sent, next);

        foreach (var header in sent.Headers)
        {
            if ((!trusted && IsWithheldFromOtherOrigins(header.Key))
                || (content is null && string.Equals(header.Key, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (trusted)
        {
            AddQueryApiKeys(next, credentials);
        }

        return next;
    }

    /// <summary>
    /// Fails when the handler itself followed a redirect to another origin: the transport did not choose what went
    /// there, and the response is not the API's.
    /// </summary>
    private void EnsureNotRedirectedOutside(HttpMethod method, Uri sentUri, HttpResponseMessage response, SecretRedactor redactor)
    {
        var answeredBy = response.RequestMessage?.RequestUri;
        if (answeredBy is null || ReferenceEquals(answeredBy, sentUri) || !answeredBy.IsAbsoluteUri || Origin.Of(answeredBy) == Origin.Of(sentUri))
        {
            return;
        }

        var shownTarget = ShowUrl(answeredBy, redactor);
        var (sender, fix) = _sender == Sender.SuppliedHttpClient
            ? ("the supplied HttpClient",
                "Pass its handler as ApiClientOptions.HttpMessageHandler instead of the HttpClient, or set AllowAutoRedirect = false on that handler")
            : ($"the {_handlerName} given as ApiClientOptions.HttpMessageHandler",
                "The client turns off redirect following only on HttpClientHandler and SocketsHttpHandler; turn it off on this handler");
        throw RedirectError(ApiRedirectFailure.FollowedOutsideClient, response, answeredBy, shownTarget, redactor,
            $"{Describe(method, sentUri)}: {sender} followed a redirect to another origin, {shownTarget}, by itself, and may have sent the request's "
            + $"credentials there; its response ({StatusText(response)}) is not used. {fix}, so that the client follows redirects itself and keeps "
            + "credentials on its base URL's origin.");
    }

    private bool IsWithheldFromOtherOrigins(string header)
        => IsCredentialHeader(header)
            || string.Equals(header, "Host", StringComparison.OrdinalIgnoreCase)
            || (IsDefaultHeader(header) && !string.Equals(header, "User-Agent", StringComparison.OrdinalIgnoreCase));

    private bool IsDefaultHeader(string header)
    {
        foreach (var defaultHeader in _defaultHeaders)
        {
            if (string.Equals(defaultHeader.Key, header, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private string? FirstCredentialHeader(System.Net.Http.Headers.HttpRequestHeaders headers)
    {
        foreach (var header in headers)
        {
            if (IsCredentialHeader(header.Key))
            {
                return header.Key;
            }
        }

        return null;
    }

    /// <param name="reason">Why.</param>
    /// <param name="response">The response not followed or not used.</param>
    /// <param name="answeredBy">The URI that answered, against which a relative <c>Location</c> resolves.</param>
    /// <param name="shownTarget">The target as <see cref="ShowUrl"/> shows it, if any.</param>
    /// <param name="redactor">Masks the request's credentials.</param>
    /// <param name="message">The message, after the client's name.</param>
    private ApiRedirectException RedirectError(
        ApiRedirectFailure reason,
        HttpResponseMessage response,
        Uri answeredBy,
        string? shownTarget,
        SecretRedactor redactor,
        string message)
    {
        var headers = ResponseHeaders.Rewrite(ResponseHeaders.From(response), "Location", location =>
            !Uri.TryCreate(answeredBy, location, out var url) ? "(not shown)"
            : url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps ? ShowUrl(url, redactor)
            : url.Scheme + ":...");
        var data = new ApiErrorData((int)response.StatusCode, headers, null, ErrorBody.Empty);
        var target = shownTarget is null ? null : new Uri(shownTarget, UriKind.Absolute);
        return new ApiRedirectException(redactor.Redact(_api.Name + ": " + message)!, data, reason, target);
    }

    private static string StatusText(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var reason = ReasonPhrases.Get(status, response.ReasonPhrase);
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return reason is null ? code : code + " " + reason;
    }

    /// <summary>
    /// A URL as messages may show it: scheme, host, port and path. Its user info and query can be credentials (a
    /// signed URL's signature, an API key), and the request's own credentials are masked wherever they appear.
    /// </summary>
    private static string ShowUrl(Uri url, SecretRedactor redactor)
        => redactor.Redact(url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped))!;

    /// <summary>Where a chain of redirects stands.</summary>
    private struct RedirectChain
    {
        /// <summary>How many redirects were followed.</summary>
        public int Count;

        /// <summary>Whether a redirect has led away from the base URL's origin: from then on, no credential is sent.</summary>
        public bool LeftOrigin;
    }
}
