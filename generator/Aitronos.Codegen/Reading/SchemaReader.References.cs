using System;
using System.Collections.Generic;
using Aitronos.Codegen.Model;
using Microsoft.OpenApi;

namespace Aitronos.Codegen.Reading;

/// <summary>Following references without paying the library's resolution by URI on every member read.</summary>
internal sealed partial class SchemaReader
{
    /// <summary>
    /// The schema a reference stands for. A reference to a component is looked up in the components by its id:
    /// every member read through the reference object would resolve it again by URI, which is most of the time a
    /// big document spends here. Other references resolve through the library, once.
    /// </summary>
    private IOpenApiSchema? Target(OpenApiSchemaReference reference)
    {
        if (reference.Reference is { IsExternal: false, Id: { } id } && _components.TryGetValue(id, out IOpenApiSchema? component))
        {
            // A component that is itself a bare reference to another: follow a short chain, never a cycle.
            for (int hops = 0; component is OpenApiSchemaReference next && hops < MaxDepth; hops++)
            {
                if (next.Reference is { IsExternal: false, Id: { } nextId } && _components.TryGetValue(nextId, out IOpenApiSchema? further))
                {
                    component = further;
                }
                else
                {
                    return SafeTarget(next);
                }
            }

            return component is OpenApiSchemaReference ? null : component;
        }

        return SafeTarget(reference);
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
