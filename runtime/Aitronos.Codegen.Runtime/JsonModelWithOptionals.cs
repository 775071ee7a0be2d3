using System.ComponentModel;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The base of every generated model that has optional properties: a <see cref="JsonModel"/> that keeps, inline, which
/// of them were read as <c>null</c>, so that it writes those <c>null</c>s back (see <see cref="JsonModel"/>). Models
/// whose properties are all required derive from <see cref="JsonModel"/> and carry no such field.
/// </summary>
/// <remarks>
/// What the bits hold is what reading found, not the model's value, just as <see cref="JsonModel.JsonReadProblems"/>:
/// equality and the hash code leave them out, and <c>with</c> does not copy them.
/// </remarks>
public abstract record JsonModelWithOptionals : JsonModel
{
    // The optional properties among the first 64 that were read as null, a bit each.
    private ulong _readNulls;

    /// <summary>Creates a model.</summary>
    protected JsonModelWithOptionals()
    {
    }

    /// <summary>Copies a model (for <c>with</c>), as <see cref="JsonModel"/> does: what reading found stays with the original.</summary>
    /// <param name="original">The model copied.</param>
    protected JsonModelWithOptionals(JsonModelWithOptionals original)
        : base(original)
    {
    }

    /// <inheritdoc/>
    private protected override ulong ReadNulls
    {
        get => _readNulls;
        set => _readNulls = value;
    }

    /// <summary>Models are equal by their properties, as <see cref="JsonModel.Equals(JsonModel)"/> says: the nulls read take no part.</summary>
    /// <param name="other">The other model.</param>
    /// <returns>Whether the base parts are equal (the derived record compares the properties).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public virtual bool Equals(JsonModelWithOptionals? other) => base.Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => base.GetHashCode();
}
