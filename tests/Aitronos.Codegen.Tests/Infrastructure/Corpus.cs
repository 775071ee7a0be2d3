using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Aitronos.Codegen.Tests.Infrastructure;

/// <summary>The real-world specs in ../shared/corpus beside the repository (other people's work, never copied in).</summary>
public static class Corpus
{
    public static string? Directory
    {
        get
        {
            string? dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "Aitronos.Codegen.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            string? corpus = dir is null ? null : Path.GetFullPath(Path.Combine(dir, "..", "shared", "corpus"));
            return corpus is not null && System.IO.Directory.Exists(corpus) ? corpus : null;
        }
    }

    public static string MissingMessage => "The real-world corpus (../shared/corpus beside the repository) is absent on this machine; corpus tests are skipped.";

    /// <summary>Every spec file, relative to the corpus folder, ordinally sorted.</summary>
    public static IEnumerable<string> Specs()
    {
        if (Directory is not { } root)
        {
            return Array.Empty<string>();
        }

        return System.IO.Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal);
    }

    /// <summary>The spec as the generator would get it: a *.openapi.* AdditionalFile named after the corpus file.</summary>
    public static SpecFile Load(string relativePath)
    {
        string full = Path.Combine(Directory!, relativePath);
        string extension = Path.GetExtension(relativePath);
        string name = Path.GetFileNameWithoutExtension(relativePath);
        return new SpecFile("/corpus/" + name + ".openapi" + extension, File.ReadAllText(full));
    }
}
