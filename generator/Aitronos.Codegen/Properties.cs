using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Aitronos.Codegen.Tests")]
