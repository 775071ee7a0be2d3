using System.IO;
using System.Net.Http;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Whether a request body that has been sent once can be sent again, as a 307 or 308 redirect requires. Only kinds
/// known to replay are: an unknown <see cref="HttpContent"/> may have consumed a source that cannot be rewound, and
/// re-sending it would fail half-way through a request to the redirect's target.
/// </summary>
internal static class ContentReplay
{
    public static bool IsReplayable(HttpContent content)
    {
        switch (content)
        {
            case ByteArrayContent:
                // StringContent, FormUrlEncodedContent and the generator's JSON bodies: the bytes are kept.
                return true;

            case MultipartContent multipart:
                foreach (var part in multipart)
                {
                    if (!IsReplayable(part))
                    {
                        return false;
                    }
                }

                return true;

            case StreamContent when content.GetType() == typeof(StreamContent):
                // StreamContent rewinds to where its stream started when, and only when, the stream can seek. The
                // stream is private; the read stream StreamContent hands out wraps it and reports its CanSeek.
                var readStream = content.ReadAsStreamAsync();
                return readStream.Status == TaskStatus.RanToCompletion && readStream.Result is Stream { CanSeek: true };

#if NET5_0_OR_GREATER
            case ReadOnlyMemoryContent:
                return true;
#endif

            default:
                // System.Net.Http.Json's JsonContent serializes its value again on every send. It is named rather than
                // referenced: the netstandard2.0 build does not depend on System.Net.Http.Json.
                return content.GetType().FullName == "System.Net.Http.Json.JsonContent";
        }
    }
}
