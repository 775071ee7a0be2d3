using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Aitronos.Codegen.Runtime.Serialization;

/// <summary>
/// What reading one model found wrong and the JSON it was read from (written back as it came), the optional
/// properties past the 64th that came as null, the properties assigned null to be sent as null, and the JSON properties
/// the schema does not name: made only for a model that has any of them.
/// </summary>
internal sealed class JsonReadReport
{
    /// <summary>The model's <see cref="JsonModel.AdditionalProperties"/>: part of its value, copied by <c>with</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    public IReadOnlyList<JsonReadProblem> Problems { get; private set; } = Array.Empty<JsonReadProblem>();

    /// <summary>The JSON the model was read from, when reading found problems in it.</summary>
    public JsonElement? Json { get; private set; }

    /// <summary>The optional properties among the first 64 read as <c>null</c>, for a model that keeps no bits of its own.</summary>
    public ulong ReadNulls { get; set; }

    /// <summary>Those past the 64th.</summary>
    public int[]? MoreNulls { get; set; }

    /// <summary>The optional properties assigned <see langword="null"/> (by code, or by reading), to be sent as <c>null</c>: the first 64 as bits.</summary>
    public ulong Assigned { get; set; }

    /// <summary>Those past the 64th, sorted.</summary>
    public int[]? MoreAssigned { get; set; }

    public void SetProblems(IReadOnlyList<JsonReadProblem> problems) => Problems = problems;

    public void Set(IReadOnlyList<JsonReadProblem> problems, JsonElement json)
    {
        Problems = problems;
        Json = json;
    }
}

/// <summary>
/// The problems met on this thread while reading one JSON value: each model's reader marks where its object began,
/// and at its end takes everything logged since (its own problems and those of the models inside it). The outermost
/// reader (a converter called by System.Text.Json) clears its part and, in strict mode, throws.
/// </summary>
internal static class JsonReadLog
{
    [ThreadStatic]
    private static List<JsonReadProblem>? t_problems;

    // What the value just read came as, when it was a lenient conversion (a number as a JSON string...): the reader of the
    // object around it names the property and logs it as a problem (JsonPropertyNames.Next), so that it is reported and
    // the model writes back the JSON it came as. Null almost always: one thread-static read per property.
    [ThreadStatic]
    private static string? t_converted;

    public static int Count => t_problems?.Count ?? 0;

    public static void Add(JsonReadProblem problem) => (t_problems ??= new List<JsonReadProblem>()).Add(problem);

    public static List<JsonReadProblem> Since(int mark) => t_problems!.GetRange(mark, t_problems.Count - mark);

    /// <summary>Notes that the value just read was converted from another form (<paramref name="what"/>), and returns it.</summary>
    public static T Converted<T>(T value, string what)
    {
        t_converted = what;
        return value;
    }

    /// <summary>What the value just read was converted from, if it was (and forgets it), else <see langword="null"/>.</summary>
    public static string? TakeConverted()
    {
        string? what = t_converted;
        if (what is not null)
        {
            t_converted = null;
        }

        return what;
    }

    /// <summary>Forgets what a read begun at <paramref name="mark"/> logged.</summary>
    public static void Forget(int mark)
    {
        if (t_problems is { } problems && problems.Count > mark)
        {
            problems.RemoveRange(mark, problems.Count - mark);
        }
    }

    /// <summary>
    /// A whole read through a converter: the value as <paramref name="read"/> gives it, with the problems logged while
    /// reading it ended (thrown in strict mode); on malformed JSON, what the models read before it is forgotten with them.
    /// </summary>
    public static T Read<T>(ref Utf8JsonReader reader, JsonValueReader<T> read)
    {
        int mark = Count;
        T value;
        try
        {
            value = read(ref reader);
        }
        catch
        {
            Forget(mark);
            TakeConverted();
            throw;
        }

        End(mark, typeof(T));
        return value;
    }

    /// <summary>Ends the outermost read begun at <paramref name="mark"/>: forgets its problems, and throws them in strict mode.</summary>
    public static void End(int mark, Type type)
    {
        // A bare value converted at the top (a list of numbers sent as strings) has no model to report it on.
        TakeConverted();
        List<JsonReadProblem>? problems = t_problems;
        if (problems is null || problems.Count <= mark)
        {
            return;
        }

        List<JsonReadProblem> found = problems.GetRange(mark, problems.Count - mark);
        problems.RemoveRange(mark, found.Count);
        if (JsonReading.Mode == JsonReadMode.Strict)
        {
            // The name only now: Type.Name costs a lookup on every read otherwise.
            var message = new StringBuilder("The JSON for ").Append(type.Name).Append(" breaks its schema (strict reading):");
            foreach (JsonReadProblem problem in found)
            {
                message.Append(' ').Append(problem.Message);
            }

            throw new JsonException(message.ToString());
        }
    }
}
