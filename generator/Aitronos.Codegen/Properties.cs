using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Aitronos.Codegen.Tests")]
[assembly: InternalsVisibleTo("Aitronos.Codegen.GeneratorProfile")]
[assembly: InternalsVisibleTo("Aitronos.Codegen.ExampleRoundTrip")]
