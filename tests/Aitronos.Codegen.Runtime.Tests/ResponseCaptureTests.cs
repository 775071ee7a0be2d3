using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;
using static Aitronos.Codegen.Runtime.Tests.RetryTests;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// <see cref="ApiRequestOptions.OnResponse"/> and <see cref="ApiResponse.CaptureAsync(Func{ApiRequestOptions, Task}, ApiRequestOptions?)"/>
/// for the responses that are not a buffered body: a stream the caller reads, and no content (204).
/// </summary>
public sealed class ResponseCaptureTests
{
    private static readonly byte[] Payload = CreatePayload();

    [Fact]
    public async Task Stream_result_is_captured_without_its_body_and_the_stream_still_reads_every_byte()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/octet-stream";
            context.Response.Headers["x-request-id"] = "req_stream_1";
            await context.Response.Body.WriteAsync(Payload);
        });
        using var transport = TestApi.Transport(server, options => options.ApiKey = ApiKey);

        var captured = await ApiResponse.CaptureAsync(
            options => transport.CallForStreamAsync(transport.CreateRequest(HttpMethod.Get, "/files/1"), ApiAuth.ApiKey, options, default));

        Assert.Equal(200, captured.StatusCode);
        Assert.Equal("req_stream_1", captured.RequestId);
        Assert.Equal("application/octet-stream", Assert.Single(captured.Headers["Content-Type"]));
        Assert.Null(captured.Content);
        Assert.Null(captured.Text);
        await using var stream = captured.Value;
        using var read = new MemoryStream();
        await stream.CopyToAsync(read);
        Assert.Equal(Payload, read.ToArray());
    }

    [Fact]
    public async Task No_content_response_is_captured_with_its_status_headers_and_an_empty_body()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 204;
            context.Response.Headers["x-request-id"] = "req_204";
            return Task.CompletedTask;
        });
        using var transport = TestApi.Transport(server, options => options.ApiKey = ApiKey);

        var captured = await ApiResponse.CaptureAsync(
            options => transport.CallAsync(transport.CreateRequest(HttpMethod.Delete, "/items/1"), ApiAuth.ApiKey, options, default));

        Assert.Equal(204, captured.StatusCode);
        Assert.Equal("req_204", captured.RequestId);
        Assert.NotNull(captured.Content);
        Assert.Empty(captured.Content!);
        Assert.Equal(string.Empty, captured.Text);
    }

    [Fact]
    public async Task On_response_sees_a_no_content_answer_to_a_call_whose_result_is_text()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using var transport = TestApi.Transport(server, options => options.ApiKey = ApiKey);
        ApiResponse? seen = null;

        var text = await transport.CallForStringAsync(
            transport.CreateRequest(HttpMethod.Get, "/items/1"), ApiAuth.ApiKey, new ApiRequestOptions { OnResponse = response => seen = response }, default);

        Assert.Equal(string.Empty, text);
        Assert.NotNull(seen);
        Assert.Equal(204, seen!.StatusCode);
        Assert.Empty(seen.Content!);
    }

    [Fact]
    public async Task On_response_of_a_stream_call_is_not_called_when_the_call_fails()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.RespondAsync(context, 404, """{"detail":"no such file"}"""));
        using var transport = TestApi.Transport(server, options => options.ApiKey = ApiKey);
        var calls = 0;

        await Assert.ThrowsAsync<NotFoundException>(() => transport.CallForStreamAsync(
            transport.CreateRequest(HttpMethod.Get, "/files/2"), ApiAuth.ApiKey, new ApiRequestOptions { OnResponse = _ => calls++ }, default));

        Assert.Equal(0, calls);
    }

    private static byte[] CreatePayload()
    {
        // Larger than one read of the connection's buffer, so that the stream is read in several pieces.
        var bytes = new byte[256 * 1024];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
