using System;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

public sealed partial class ApiTransport
{
    /// <summary>
    /// Sends a request whose successful responses carry different types by status, and reads the body as the one its
    /// status declares; the request is disposed.
    /// </summary>
    /// <typeparam name="T1">The first status's body type, also read for any 2xx not in <paramref name="secondStatuses"/>.</typeparam>
    /// <typeparam name="T2">The body type of the statuses in <paramref name="secondStatuses"/>.</typeparam>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="first">The first type's JSON metadata.</param>
    /// <param name="second">The second type's JSON metadata.</param>
    /// <param name="secondStatuses">The status codes whose body is a <typeparamref name="T2"/>, separated by spaces (<c>"202"</c>).</param>
    /// <param name="requestOptions">Settings for this call, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status and the body read as its type.</returns>
    /// <exception cref="ApiException">The call failed, as for <see cref="CallAsync{T}(HttpRequestMessage, ApiSecurityRequirement, JsonTypeInfo{T}, ApiRequestOptions?, CancellationToken)"/>.</exception>
    public Task<ApiResult<T1, T2>> CallAsync<T1, T2>(
        HttpRequestMessage request,
        ApiSecurityRequirement auth,
        JsonTypeInfo<T1> first,
        JsonTypeInfo<T2> second,
        string secondStatuses,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        if (first is null || second is null || secondStatuses is null)
        {
            request?.Dispose();
            return Task.FromException<ApiResult<T1, T2>>(new ArgumentNullException(first is null ? nameof(first) : second is null ? nameof(second) : nameof(secondStatuses)));
        }

        return SendCoreAsync(request, auth, requestOptions, (first, second, secondStatuses), static async (response, types, token) =>
        {
            int status = (int)response.StatusCode;
            return HasStatus(types.secondStatuses, status)
                ? new ApiResult<T1, T2>(status, await ReadJsonCoreAsync(response, types.second, token).ConfigureAwait(false))
                : new ApiResult<T1, T2>(status, await ReadJsonCoreAsync(response, types.first, token).ConfigureAwait(false));
        }, disposeRequest: true, cancellationToken);
    }

    /// <summary>Whether <paramref name="status"/> is one of the space-separated codes in <paramref name="statuses"/>.</summary>
    internal static bool HasStatus(string statuses, int status)
    {
        int value = 0;
        for (int i = 0; i <= statuses.Length; i++)
        {
            if (i == statuses.Length || statuses[i] == ' ')
            {
                if (value == status)
                {
                    return true;
                }

                value = 0;
            }
            else
            {
                value = (value * 10) + (statuses[i] - '0');
            }
        }

        return false;
    }
}
