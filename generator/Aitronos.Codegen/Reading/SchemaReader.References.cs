using System;
using System.Collections.Generic;
using Aitronos.Codegen.Diagnostics;
using Aitronos.Codegen.Model;
using Microsoft.OpenApi;

namespace Aitronos.Codegen.Reading;

/// <summary>Following references without paying the library's resolution by URI on every member read.</summary>
internal sealed partial class SchemaReader
{
    // What each component stands for once its chain of bare references is followed (null: nowhere), by component id.
    private readonly Dictionary<string, IOpenApiSchema?> _targets = new(StringComparer.Ordinal);

    /// <summary>
    /// The schema whose members describe <paramref name="schema"/>: itself, or what the reference stands for (null when it
    /// leads nowhere). Read members through this, never through a reference: the library resolves a reference again at
    /// every member read, and throws on a cycle of bare references.
    /// </summary>
    public IOpenApiSchema? Effective(IOpenApiSchema? schema) =>
        schema is OpenApiSchemaReference reference ? Target(reference) : schema;

    /// <summary>
    /// The schema a reference stands for. A reference to a component is looked up in the components by its id:
    /// every member read through the reference object would resolve it again by URI, which is most of the time a
    /// big document spends here. Other references resolve through the library, once.
    /// </summary>
    private IOpenApiSchema? Target(OpenApiSchemaReference reference)
    {
        if (reference.Reference is { IsExternal: false, Id: { } id } && _components.ContainsKey(id))
        {
            return ComponentTarget(id);
        }

        return SafeTarget(reference);
    }

    /// <summary>
    /// The schema component <paramref name="id"/> stands for: itself, or, when it is a bare reference to another
    /// component (and that one to another...), the end of that chain, however long. Null for a chain that ends in a
    /// cycle or leads nowhere. Each chain is walked once: every component on it learns its end.
    /// </summary>
    private IOpenApiSchema? ComponentTarget(string id)
    {
        if (_targets.TryGetValue(id, out IOpenApiSchema? known))
        {
            return known;
        }

        var chain = new List<string>();
        var onChain = new HashSet<string>(StringComparer.Ordinal);
        string current = id;
        IOpenApiSchema? end;
        while (true)
        {
            if (_targets.TryGetValue(current, out end))
            {
                break;
            }

            if (!onChain.Add(current))
            {
                end = null;   // a cycle of bare references: no schema at the end of it
                break;
            }

            chain.Add(current);
            IOpenApiSchema schema = _components[current];
            if (schema is not OpenApiSchemaReference next)
            {
                end = schema;
                break;
            }

            if (next.Reference is { IsExternal: false, Id: { } nextId } && _components.ContainsKey(nextId))
            {
                current = nextId;
                continue;
            }

            end = SafeTarget(next);
            break;
        }

        foreach (string link in chain)
        {
            _targets[link] = end;
        }

        return end;
    }

    /// <summary>
    /// Component <paramref name="key"/> is a bare reference to another component: it is whatever the end of its chain of
    /// such references is (walked by <see cref="ComponentTarget"/>, not by recursion), and every component on the chain
    /// with it. A chain that closes on itself is reported at the component where it closes.
    /// </summary>
    private TypeRef ResolveAlias(string key)
    {
        var chain = new List<string>();
        var onChain = new HashSet<string>(StringComparer.Ordinal);
        string current = key;
        TypeRef? resolved = null;
        while (resolved is null)
        {
            if (!(_components[current] is OpenApiSchemaReference { Reference: { IsExternal: false, Id: { } next } } && _components.ContainsKey(next)))
            {
                // The end of the chain: a schema of its own (or a reference out of the components), resolved as any
                // component is (a union reached from inside its own variants is marked so there).
                resolved = ResolveComponent(current);
            }
            else if (_resolvedComponents.TryGetValue(current, out TypeRef? known))
            {
                resolved = known;
            }
            else if (!onChain.Add(current))
            {
                _context.Report(DiagnosticDescriptors.UnsupportedSchema, ReadContext.Pointer("#/components/schemas", current), "Schema '" + current + "'", "it is defined in terms of itself");
                resolved = TypeRef.Any;
            }
            else
            {
                chain.Add(current);
                current = next;
            }
        }

        foreach (string link in chain)
        {
            _resolvedComponents[link] = resolved;
        }

        return resolved;
    }

    /// <summary>
    /// A property's description: a reference's own (3.1 allows one beside <c>$ref</c>), else its target's, unless the
    /// target became a generated type <paramref name="type"/> names: that type carries the description already.
    /// </summary>
    private string? DescriptionOf(IOpenApiSchema schema, TypeRef type) => schema is OpenApiSchemaReference reference
        ? reference.Reference?.Description is { Length: > 0 } own ? own
            : type.Kind is TypeKind.Object or TypeKind.Enum ? null
            : Target(reference)?.Description
        : schema.Description;

    private bool DeprecatedOf(IOpenApiSchema schema) => schema is OpenApiSchemaReference reference
        ? Target(reference)?.Deprecated ?? false
        : schema.Deprecated;

    private static IOpenApiSchema? SafeTarget(OpenApiSchemaReference reference)
    {
        try
        {
            return reference.Target;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or KeyNotFoundException or NullReferenceException)
        {
            return null;
        }
    }
}
