// Reads the few fields of a Windows executable's PE header that say which machine and subsystem it is for.
using System.Buffers.Binary;

namespace TillSync.Release.Tests;

/// <summary>The machine, optional-header kind and subsystem of a PE file.</summary>
public sealed record PeHeader(ushort Machine, ushort OptionalHeaderMagic, ushort Subsystem)
{
    /// <summary>IMAGE_FILE_MACHINE_AMD64.</summary>
    public const ushort MachineAmd64 = 0x8664;

    /// <summary>PE32+: a 64-bit image.</summary>
    public const ushort MagicPe32Plus = 0x20B;

    /// <summary>IMAGE_SUBSYSTEM_WINDOWS_CUI: a console program (a service host too).</summary>
    public const ushort SubsystemWindowsConsole = 3;

    /// <summary>Parses <paramref name="file"/>; throws when it is not a PE file.</summary>
    public static PeHeader Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 0x40 || file[0] != 'M' || file[1] != 'Z')
        {
            throw new InvalidDataException("no MZ signature");
        }

        var pe = BinaryPrimitives.ReadInt32LittleEndian(file[0x3C..]);
        if (pe < 0 || pe + 0x60 > file.Length || !file.Slice(pe, 4).SequenceEqual("PE\0\0"u8))
        {
            throw new InvalidDataException("no PE signature at e_lfanew");
        }

        // COFF header: Machine at +4, 20 bytes long; the optional header follows: Magic at +0, Subsystem at +68.
        var optional = pe + 4 + 20;
        return new PeHeader(
            BinaryPrimitives.ReadUInt16LittleEndian(file[(pe + 4)..]),
            BinaryPrimitives.ReadUInt16LittleEndian(file[optional..]),
            BinaryPrimitives.ReadUInt16LittleEndian(file[(optional + 68)..]));
    }
}
