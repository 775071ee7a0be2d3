using System.Collections.Generic;
using System.Linq;
using Aitronos.Codegen.Model;

namespace Aitronos.Codegen.Emitting;

/// <summary>
/// Emits a list operation's auto-paging method: one expression handing the runtime's <c>ApiPaging</c> the operation's own
/// method (so each page takes the usual call path) and static accessors for the items and the way to the next page.
/// </summary>
internal static class PagingEmitter
{
    private const string Runtime = EmitContext.RuntimeAlias;

    public static void Emit(EmitContext context, SourceWriter writer, OperationModel operation, PagingModel paging)
    {
        TypeSpelling types = context.Types;
        TypeRef page = operation.Result.Type!;
        if (page.IsNullable && page.Kind is TypeKind.Object or TypeKind.Union or TypeKind.Array or TypeKind.Map)
        {
            page = page with { IsNullable = false };
        }

        // The operation has no body (only GETs without one are paged): its signature is its parameters, required first.
        var parameters = operation.Parameters.Where(p => p.Required).Concat(operation.Parameters.Where(p => !p.Required)).ToList();
        var names = new HashSet<string>(parameters.Select(p => p.CSharpName));
        string next = Fresh("n_", names), options = Fresh("o_", names), token = Fresh("t_", names);
        string arguments = string.Join(", ", parameters.Select(p => p.CSharpName != paging.Parameter ? p.CSharpName
            : p.Type.Kind == TypeKind.Int32 ? "(int?)" + next : next).Concat(new[] { token, options }));
        string call = operation.MethodName + "(" + arguments + ")";
        // A page that is the list itself has nothing else to read: the runtime's overloads for lists take no accessors.
        bool list = page.Kind == TypeKind.Array;
        string items = list ? string.Empty : ", static p => p" + paging.Items;
        string pager = paging.Kind switch
        {
            PagingKind.Offset => $"Offset(({next}, {options}, {token}) => {call}, {paging.Parameter}{items}" + (list ? string.Empty : $", {Accessor(paging.HasMore)}, {Accessor(paging.Total)}"),
            PagingKind.Cursor => $"Cursor(({next}, {options}, {token}) => {call}, {paging.Parameter}{items}, "
                + (paging.NextFromLastItem ? $"static p => {Runtime}.ApiPaging.LastOf(p{paging.Items})?.{paging.Next}" : Accessor(paging.Next))
                + $", {Accessor(paging.HasMore)}",
            PagingKind.NextLink => $"NextLink(({options}, {token}) => {call}{items}, {Accessor(paging.Next)}",
            _ => $"LinkHeader(({options}, {token}) => {call}{items}",
        };

        writer.Line($"/// <summary>Every item of <see cref=\"{operation.MethodName}\"/>, page after page.</summary>");
        if (operation.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        var signature = parameters.Select(p => p.Required ? $"{types.NonNull(p.Type)} {p.CSharpName}" : $"{types.Nullable(p.Type)} {p.CSharpName} = null")
            .Concat(new[] { "global::System.Threading.CancellationToken cancellationToken = default", Runtime + ".ApiRequestOptions? requestOptions = null" });
        string pageable = list ? $"{Runtime}.ApiPageable<{types.Of(paging.Item)}>" : $"{Runtime}.ApiPageable<{types.Of(page)}, {types.Of(paging.Item)}>";
        writer.Line($"public {pageable} {paging.MethodName}({string.Join(", ", signature)})");
        writer.Line($"\t=> {Runtime}.ApiPaging.{pager}, requestOptions, cancellationToken);");
    }

    private static string Accessor(string? path) => path is null ? "null" : "static p => p" + path;

    private static string Fresh(string name, HashSet<string> taken)
    {
        while (taken.Contains(name))
        {
            name += "_";
        }

        return name;
    }
}
