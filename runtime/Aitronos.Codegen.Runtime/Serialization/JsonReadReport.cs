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
    // One thread-static holder: each access to a thread static costs a TLS lookup (about 6% of a small model's read
    // when the log had two). A model's reader looks the holder up once, in JsonPropertyNames.First, and keeps it in its
    // JsonPropertiesSeen for the rest of the object.
    [ThreadStatic]
    private static State? t_state;

    /// <summary>This thread's log.</summary>
    public static State Current => t_state ??= new State();

    public static int Count => Current.Count;

    public static void Add(JsonReadProblem problem) => Current.Add(problem);

    public static List<JsonReadProblem> Since(int mark) => Current.Since(mark);

    /// <summary>Notes that the value just read was converted from another form (<paramref name="what"/>), and returns it.</summary>
    public static T Converted<T>(T value, string what)
    {
        Current.Converted = what;
        return value;
    }

    /// <summary>
    /// A whole read through a converter: the value as <paramref name="read"/> gives it, with the problems logged while
    /// reading it ended (thrown in strict mode); on malformed JSON, what the models read before it is forgotten with them.
    /// </summary>
    public static T Read<T>(ref Utf8JsonReader reader, JsonValueReader<T> read)
    {
        State log = Current;
        int mark = log.Count;
        T value;
        try
        {
            value = read(ref reader);
        }
        catch
        {
            log.Forget(mark);
            log.TakeConverted();
            throw;
        }

        End(log, mark, typeof(T));
        return value;
    }

    /// <summary>Ends the outermost read begun at <paramref name="mark"/>: forgets its problems, and throws them in strict mode.</summary>
    private static void End(State log, int mark, Type type)
    {
        // A bare value converted at the top (a list of numbers sent as strings) has no model to report it on.
        log.TakeConverted();
        List<JsonReadProblem>? problems = log.Problems;
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

    /// <summary>One thread's log.</summary>
    internal sealed class State
    {
        /// <summary>The problems logged by the reads under way, in the order met.</summary>
        public List<JsonReadProblem>? Problems;

        // What the value just read came as, when it was a lenient conversion (a number as a JSON string...): the reader
        // of the object around it names the property and logs it as a problem (JsonPropertyNames.Next), so that it is
        // reported and the model writes back the JSON it came as. Null almost always: read once per property.
        public string? Converted;

        public int Count => Problems?.Count ?? 0;

        public void Add(JsonReadProblem problem) => (Problems ??= new List<JsonReadProblem>()).Add(problem);

        public List<JsonReadProblem> Since(int mark) => Problems!.GetRange(mark, Problems.Count - mark);

        /// <summary>What the value just read was converted from, if it was (and forgets it), else <see langword="null"/>.</summary>
        public string? TakeConverted()
        {
            string? what = Converted;
            if (what is not null)
            {
                Converted = null;
            }

            return what;
        }

        /// <summary>Forgets what a read begun at <paramref name="mark"/> logged.</summary>
        public void Forget(int mark)
        {
            if (Problems is { } problems && problems.Count > mark)
            {
                problems.RemoveRange(mark, problems.Count - mark);
            }
        }
    }
}
