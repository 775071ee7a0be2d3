using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// One call of an operation, whole: send the request, check the status, read the result, dispose both. Generated
/// methods end in one of these, so each of them is a few lines that build the request and no state machine of its own.
/// </summary>
public sealed partial class ApiTransport
{
    /// <summary>Sends a request and reads its JSON result; the request is disposed.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request, from <see cref="CreateRequest"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="result">The result's JSON metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ApiException">The call failed: see <see cref="SendAsync"/> and <see cref="ReadJsonAsync{T}"/>.</exception>
    public async Task<T> CallAsync<T>(HttpRequestMessage request, ApiAuth auth, JsonTypeInfo<T> result, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await SendAsync(request, auth, cancellationToken).ConfigureAwait(false);
            return await ReadJsonAsync(response, result, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a request whose result is not read; the request is disposed.</summary>
    /// <param name="request">The request, from <see cref="CreateRequest"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has answered with success.</returns>
    /// <exception cref="ApiException">The call failed: see <see cref="SendAsync"/>.</exception>
    public async Task CallAsync(HttpRequestMessage request, ApiAuth auth, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await SendAsync(request, auth, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a request and reads its text result; the request is disposed.</summary>
    /// <param name="request">The request, from <see cref="CreateRequest"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body as text.</returns>
    /// <exception cref="ApiException">The call failed: see <see cref="SendAsync"/>.</exception>
    public async Task<string> CallForStringAsync(HttpRequestMessage request, ApiAuth auth, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await SendAsync(request, auth, cancellationToken).ConfigureAwait(false);
            return await ReadStringAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a request and reads its binary result; the request is disposed.</summary>
    /// <param name="request">The request, from <see cref="CreateRequest"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body's bytes.</returns>
    /// <exception cref="ApiException">The call failed: see <see cref="SendAsync"/>.</exception>
    public async Task<byte[]> CallForBytesAsync(HttpRequestMessage request, ApiAuth auth, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await SendAsync(request, auth, cancellationToken).ConfigureAwait(false);
            return await ReadBytesAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
