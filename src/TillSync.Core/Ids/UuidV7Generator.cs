namespace TillSync.Core.Ids;

/// <summary>RFC 9562 UUIDv7: 48-bit Unix milliseconds from the injected clock, then 74 random bits from the injected
/// <see cref="Random"/> (a seeded one in simulations, a cryptographically seeded one in production). Ids from one
/// generator are strictly increasing even within one millisecond: the 12-bit <c>rand_a</c> field is a counter then.</summary>
public sealed class UuidV7Generator(TimeProvider time, Random random) : IIdGenerator
{
    private readonly Lock _gate = new();
    private long _lastMilliseconds = -1;
    private int _counter;

    /// <inheritdoc />
    public Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        long milliseconds;
        int counter;
        lock (_gate)
        {
            random.NextBytes(bytes);
            milliseconds = time.GetUtcNow().ToUnixTimeMilliseconds();
            if (milliseconds <= _lastMilliseconds)
            {
                // Same millisecond (or the clock stepped back): keep the last one and count up, so ids stay ordered.
                milliseconds = _lastMilliseconds;
                _counter++;
                if (_counter > 0xFFF)
                {
                    milliseconds++;
                    _counter = 0;
                }
            }
            else
            {
                _counter = bytes[6] & 0x07; // start low, leaving room to count within the millisecond
            }

            _lastMilliseconds = milliseconds;
            counter = _counter;
        }

        WriteFields(bytes, milliseconds, counter);
        return new Guid(bytes, bigEndian: true);
    }

    private static void WriteFields(Span<byte> bytes, long milliseconds, int counter)
    {
        // Truncating casts are the point here: each byte takes its slice of the 48-bit timestamp and 12-bit counter.
        unchecked
        {
            bytes[0] = (byte)(milliseconds >> 40);
            bytes[1] = (byte)(milliseconds >> 32);
            bytes[2] = (byte)(milliseconds >> 24);
            bytes[3] = (byte)(milliseconds >> 16);
            bytes[4] = (byte)(milliseconds >> 8);
            bytes[5] = (byte)milliseconds;
            bytes[6] = (byte)(0x70 | (counter >> 8));
            bytes[7] = (byte)counter;
            bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        }
    }

    /// <summary>True when <paramref name="id"/> carries version 7 and the RFC 9562 variant.</summary>
    public static bool IsVersion7(Guid id) => id.Version == 7 && (id.Variant & 0xC) == 0x8;
}
