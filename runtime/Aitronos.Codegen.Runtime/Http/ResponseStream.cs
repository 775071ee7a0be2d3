using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>A response body handed to the caller: reads go to the connection, and disposing it disposes the response.</summary>
internal sealed class ResponseStream : Stream
{
    private readonly Stream _body;
    private readonly HttpResponseMessage _response;

    public ResponseStream(Stream body, HttpResponseMessage response) => (_body, _response) = (body, response);

    public override bool CanRead => _body.CanRead;

    public override bool CanSeek => _body.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _body.CanSeek ? _body.Length : _response.Content.Headers.ContentLength ?? throw new NotSupportedException();

    public override long Position
    {
        get => _body.Position;
        set => _body.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _body.Read(buffer, offset, count);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _body.ReadAsync(buffer, offset, count, cancellationToken);

#if NET5_0_OR_GREATER
    public override int Read(Span<byte> buffer) => _body.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _body.ReadAsync(buffer, cancellationToken);
#endif

    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
        _body.CopyToAsync(destination, bufferSize, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => _body.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }
}
