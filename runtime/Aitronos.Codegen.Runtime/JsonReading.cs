using System;
using System.Threading;

namespace Aitronos.Codegen.Runtime;

/// <summary>How generated models treat JSON that breaks their schema.</summary>
public enum JsonReadMode
{
    /// <summary>
    /// Read what can be read and report the rest in <see cref="JsonModel.JsonReadProblems"/>: a response that breaks
    /// its schema in one field keeps every other field. The default.
    /// </summary>
    Lenient,

    /// <summary>
    /// Throw a <see cref="System.Text.Json.JsonException"/> naming every problem (through a client:
    /// <see cref="ApiResponseFormatException"/>): for tests that want to see a server drift from its description.
    /// </summary>
    Strict,
}

/// <summary>
/// Chooses <see cref="JsonReadMode"/>: for the process (<see cref="DefaultMode"/>) or for the code that runs inside a
/// scope (<see cref="Use"/>, which flows with <see langword="await"/>).
/// </summary>
/// <remarks>
/// Lenient by default because an API client ships and lives longer than any one version of its server: a server
/// that leaves out one required property or sends an id beyond its declared type must not cost the caller the whole
/// response. Nothing is silent: every such model lists what was wrong in <see cref="JsonModel.JsonReadProblems"/>.
/// Strict is for the tests of an application or of a server (<c>using (JsonReading.Use(JsonReadMode.Strict)) { ... }</c>).
/// Malformed JSON, and a body of another shape than the whole response (an array for an object), always throw.
/// </remarks>
public static class JsonReading
{
    private static readonly AsyncLocal<JsonReadMode?> s_scoped = new();
    private static volatile int s_default;

    /// <summary>The mode outside any <see cref="Use"/> scope; <see cref="JsonReadMode.Lenient"/> unless set.</summary>
    public static JsonReadMode DefaultMode
    {
        get => (JsonReadMode)s_default;
        set => s_default = (int)value;
    }

    /// <summary>The mode in effect here.</summary>
    public static JsonReadMode Mode => s_scoped.Value ?? DefaultMode;

    /// <summary>Reads in <paramref name="mode"/> until the returned scope is disposed (in this flow of execution, awaits included).</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>The scope; dispose it to return to the mode before.</returns>
    public static IDisposable Use(JsonReadMode mode)
    {
        var scope = new Scope(s_scoped.Value);
        s_scoped.Value = mode;
        return scope;
    }

    private sealed class Scope : IDisposable
    {
        private readonly JsonReadMode? _previous;
        private bool _disposed;

        public Scope(JsonReadMode? previous) => _previous = previous;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                s_scoped.Value = _previous;
            }
        }
    }
}
