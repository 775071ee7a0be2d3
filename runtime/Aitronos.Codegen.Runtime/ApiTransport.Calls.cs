using System;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// One call of an operation, whole: send the request, check the status, read the result, dispose both. Generated
/// methods end in one of these, so each of them is a few lines that build the request and no state machine of its own.
/// </summary>
/// <remarks>
/// The body is read within the attempt: <see cref="ApiClientOptions.Timeout"/> bounds reading it, and a connection that
/// breaks while it is read fails the attempt, which is then retried like any other (see
/// <see cref="ApiClientOptions.MaxRetries"/>). Each method has an overload that takes <see cref="ApiRequestOptions"/> for
/// the call.
/// </remarks>
public sealed partial class ApiTransport
{

    /// <summary>Sends a request and reads its JSON result; the request is disposed.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="result">The result's JSON metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ApiException">
    /// The call failed: see <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/> and <see cref="ReadJsonAsync{T}"/>.
    /// </exception>
    public Task<T> CallAsync<T>(HttpRequestMessage request, ApiSecurityRequirement auth, JsonTypeInfo<T> result, CancellationToken cancellationToken)
        => CallAsync(request, auth, result, null, cancellationToken);

    /// <summary>Sends a request and reads its JSON result, with settings for this call; the request is disposed.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="result">The result's JSON metadata.</param>
    /// <param name="requestOptions">Retries, timeouts and idempotency key for this call; <see langword="null"/> keeps the client's (or the scope's).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ApiException">
    /// The call failed: see <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/> and <see cref="ReadJsonAsync{T}"/>.
    /// </exception>
    public Task<T> CallAsync<T>(HttpRequestMessage request, ApiSecurityRequirement auth, JsonTypeInfo<T> result, ApiRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        if (result is null)
        {
            request?.Dispose();
            return Task.FromException<T>(new ArgumentNullException(nameof(result)));
        }

        return SendCoreAsync(request, auth, requestOptions, result, static (response, typeInfo, token) => ReadJsonCoreAsync(response, typeInfo, token), disposeRequest: true, cancellationToken);
    }

    /// <summary>Sends a request whose result is not read; the request is disposed.</summary>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has answered with success.</returns>
    /// <exception cref="ApiException">The call failed: see <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>.</exception>
    public Task CallAsync(HttpRequestMessage request, ApiSecurityRequirement auth, CancellationToken cancellationToken)
        => CallAsync(request, auth, null, cancellationToken);

    /// <summary>Sends a request whose result is not read, with settings for this call; the request is disposed.</summary>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="requestOptions">Retries, timeouts and idempotency key for this call; <see langword="null"/> keeps the client's (or the scope's).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has answered with success.</returns>
    /// <exception cref="ApiException">The call failed: see <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>.</exception>
    public Task CallAsync(HttpRequestMessage request, ApiSecurityRequirement auth, ApiRequestOptions? requestOptions, CancellationToken cancellationToken)
        => SendCoreAsync(request, auth, requestOptions, (object?)null, static (_, _, _) => new ValueTask<bool>(true), disposeRequest: true, cancellationToken);

    /// <summary>Sends a request and reads its text result; the request is disposed.</summary>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body as text.</returns>
    /// <exception cref="ApiException">The call failed: see <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>.</exception>
    public Task<string> CallForStringAsync(HttpRequestMessage request, ApiSecurityRequirement auth, CancellationToken cancellationToken)
        => CallForStringAsync(request, auth, null, cancellationToken);

    /// <summary>Sends a request and reads its text result, with settings for this call; the request is disposed.</summary>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="requestOptions">Retries, timeouts and idempotency key for this call; <see langword="null"/> keeps the client's (or the scope's).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body as text.</returns>
    /// <exception cref="ApiException">The call failed: see <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>.</exception>
    public Task<string> CallForStringAsync(HttpRequestMessage request, ApiSecurityRequirement auth, ApiRequestOptions? requestOptions, CancellationToken cancellationToken)
        => SendCoreAsync(request, auth, requestOptions, (object?)null, static (response, _, token) => new ValueTask<string>(ReadStringAsync(response, token)), disposeRequest: true, cancellationToken);

    /// <summary>Sends a request and reads its binary result; the request is disposed.</summary>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body's bytes.</returns>
    /// <exception cref="ApiException">The call failed: see <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>.</exception>
    public Task<byte[]> CallForBytesAsync(HttpRequestMessage request, ApiSecurityRequirement auth, CancellationToken cancellationToken)
        => CallForBytesAsync(request, auth, null, cancellationToken);

    /// <summary>Sends a request and reads its binary result, with settings for this call; the request is disposed.</summary>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="requestOptions">Retries, timeouts and idempotency key for this call; <see langword="null"/> keeps the client's (or the scope's).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body's bytes.</returns>
    /// <exception cref="ApiException">The call failed: see <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>.</exception>
    public Task<byte[]> CallForBytesAsync(HttpRequestMessage request, ApiSecurityRequirement auth, ApiRequestOptions? requestOptions, CancellationToken cancellationToken)
        => SendCoreAsync(request, auth, requestOptions, (object?)null, static (response, _, token) => new ValueTask<byte[]>(ReadBytesAsync(response, token)), disposeRequest: true, cancellationToken);
}
