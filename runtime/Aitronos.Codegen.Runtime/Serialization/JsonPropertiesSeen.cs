using System.Collections.Generic;
using System.ComponentModel;

namespace Aitronos.Codegen.Runtime.Serialization;

/// <summary>
/// Which properties of one JSON object a generated reader has met: a bit per property of the model, the first 256
/// inline and the rest, for the rare model that has more, in an array. Kept in a local of the reader and passed by
/// reference, so reading an object allocates nothing for it.
/// </summary>
/// <remarks>
/// A plain struct rather than a stack-allocated span on purpose: generated readers number in the thousands in a big
/// client, and a span local makes the compiler check ref safety at every call that passes the JSON reader.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JsonPropertiesSeen
{
    private ulong _word0;
    private ulong _word1;
    private ulong _word2;
    private ulong _word3;
    private ulong[]? _more;

    /// <summary>The properties among the first 64 that came as <c>null</c>.</summary>
    internal ulong Nulls;

    /// <summary>The properties past the first 64 that came as <c>null</c>, for the rare model that has more.</summary>
    internal List<int>? MoreNulls;

    /// <summary>How many problems the thread's read had logged when the object began.</summary>
    internal int ProblemMark;

    /// <summary>The reader's depth at the object's start.</summary>
    internal int Depth;

    /// <summary>The thread's read log, looked up once per object (a thread static costs a lookup at each access).</summary>
    internal JsonReadLog.State? Log;

    /// <summary>Records that the property at <paramref name="index"/> came.</summary>
    /// <param name="index">The property's index in its model's name table.</param>
    internal void Add(int index)
    {
        ulong bit = 1UL << (index & 63);
        switch (index >> 6)
        {
            case 0: _word0 |= bit; break;
            case 1: _word1 |= bit; break;
            case 2: _word2 |= bit; break;
            case 3: _word3 |= bit; break;
            default:
                int word = (index >> 6) - 4;
                if (_more is null || _more.Length <= word)
                {
                    var grown = new ulong[word + 1];
                    _more?.CopyTo(grown, 0);
                    _more = grown;
                }

                _more[word] |= bit;
                break;
        }
    }

    /// <summary>Records that the property at <paramref name="index"/> came as <c>null</c>.</summary>
    /// <param name="index">The property's index in its model's name table.</param>
    internal void AddNull(int index)
    {
        if (index < 64)
        {
            Nulls |= 1UL << index;
        }
        else
        {
            (MoreNulls ??= new List<int>()).Add(index);
        }
    }

    /// <summary>Whether the property at <paramref name="index"/> came.</summary>
    /// <param name="index">The property's index in its model's name table.</param>
    /// <returns><see langword="true"/> when it came.</returns>
    internal readonly bool Contains(int index)
    {
        ulong word = (index >> 6) switch
        {
            0 => _word0,
            1 => _word1,
            2 => _word2,
            3 => _word3,
            _ => _more is { } more && more.Length > (index >> 6) - 4 ? more[(index >> 6) - 4] : 0,
        };
        return (word & (1UL << (index & 63))) != 0;
    }
}
