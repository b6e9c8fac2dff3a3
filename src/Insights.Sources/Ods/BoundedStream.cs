namespace Insights.Sources.Ods;

/// <summary>Counts the bytes a zip entry actually decompresses (its header is not trusted) and refuses to go past
/// the workbook limits; <paramref name="alreadyRead"/> counts earlier parts of the same package.</summary>
internal sealed class BoundedStream(Stream inner, string part, long compressedLength, OdsLimits limits, Func<SourceLocation> where, long alreadyRead = 0) : Stream
{
    private long _read;

    /// <summary>Bytes decompressed from this part.</summary>
    public long Decompressed => _read;

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    private int Count(int n)
    {
        _read += n;
        if (alreadyRead + _read > limits.MaxContentBytes)
            throw new InputException(where(),
                $"{part} is larger than the limit of {limits.MaxContentBytes:N0} bytes uncompressed; refusing to read further");
        if (_read > limits.CompressionRatioFloorBytes && _read > limits.MaxCompressionRatio * Math.Max(1, compressedLength))
            throw new InputException(where(),
                $"{part} expands more than {limits.MaxCompressionRatio:N0} times its compressed size ({compressedLength:N0} bytes); refusing a possible zip bomb");
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

