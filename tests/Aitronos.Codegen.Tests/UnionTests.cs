using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// Unions (<c>oneOf</c>/<c>anyOf</c>, a discriminator with or without mapping, an <c>allOf</c> hierarchy under a
/// discriminator, <c>type: [a, b]</c>) become generated types that read the variant the JSON is, write back exactly
/// what they hold, keep JSON that matches no variant, and work wherever a type goes. The checks are C# compiled with
/// the generated code (so the API shapes they use are checked by the compiler too) and run here.
/// </summary>
public sealed class UnionTests
{
    // Each check throws with a message saying what went wrong; the test runs it by name.
    private const string Checks = """"
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json;
        using System.Text.Json.Nodes;
        using Aitronos.Codegen.Runtime;

        namespace Consumer
        {
            public static class UnionChecks
            {
                private static T Read<T>(string json) => (T)JsonSerializer.Deserialize(json, typeof(T), UnionsJsonContext.Options)!;

                private static string Write<T>(T value) => JsonSerializer.Serialize(value, typeof(T), UnionsJsonContext.Options);

                private static void Check(bool condition, string what)
                {
                    if (!condition) throw new Exception(what);
                }

                private static void SameJson(string expected, string actual) =>
                    Check(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), "expected " + expected + " but wrote " + actual);

                public static void DiscriminatedReadAndWrite()
                {
                    const string json = """{"petType":"dog","name":"Rex","goodBoy":true}""";
                    Pet pet = Read<Pet>(json);
                    Check(pet.IsDog && !pet.IsCat && !pet.IsUnknown, "dog expected: " + pet);
                    Check(pet.AsDog!.Name == "Rex" && pet.AsDog.GoodBoy == true, "dog's properties");
                    Check(pet.TryGetDog(out Dog dog) && dog.Name == "Rex" && !pet.TryGetCat(out _), "TryGet");
                    Check(pet.Match(cat => "cat", d => "dog:" + d.Name, unknown => "unknown") == "dog:Rex", "Match");
                    Check(pet.JsonReadProblems.Count == 0, "no problems");
                    SameJson(json, Write(pet));
                    Pet cat = Read<Pet>("""{"name":"Tom","petType":"cat","lives":9}""");
                    Check(cat.AsCat!.Lives == 9, "cat by mapping value");

                    // Without the discriminator (examples leave it out): by property names, and the variant reports the gap.
                    Pet unsaid = Read<Pet>("""{"name":"Rex","goodBoy":false}""");
                    Check(unsaid.IsDog && unsaid.JsonReadProblems.Single().Message == "Dog.petType: the required property is missing.", "without discriminator: " + string.Join("; ", unsaid.JsonReadProblems));
                    SameJson("""{"name":"Rex","goodBoy":false}""", Write(unsaid));
                }

                public static void UnknownDiscriminatorIsKeptAndWrittenBack()
                {
                    const string json = """{"petType":"lizard","name":"Liz","scales":1200}""";
                    Pet pet = Read<Pet>(json);
                    Check(pet.IsUnknown && !pet.IsCat && !pet.IsDog, "unknown expected");
                    Check(pet.UnknownJson!.Value.GetProperty("scales").GetInt32() == 1200, "raw JSON kept");
                    JsonReadProblem problem = pet.JsonReadProblems.Single();
                    Check(problem.Kind == JsonReadProblemKind.NoVariant && problem.PropertyName == "petType", "problem: " + problem);
                    Check(problem.Message == "Pet: the discriminator 'petType' is 'lizard', which names none of its variants; kept as it came.", "message: " + problem.Message);
                    SameJson(json, Write(pet));
                    Check(pet.Match(c => 1, d => 2, u => 3) == 3, "Match goes to unknown");

                    // Inside a model: the holder reports it too and writes back what came.
                    const string holderJson = """{"pet":{"petType":"lizard","name":"Liz"},"ids":[1]}""";
                    Holder holder = Read<Holder>(holderJson);
                    Check(holder.Pet.IsUnknown && holder.JsonReadProblems.Count == 1, "holder's problems: " + string.Join("; ", holder.JsonReadProblems));
                    SameJson(holderJson, Write(holder));
                }

                public static void StrictReadingThrowsOnAnUnknownVariant()
                {
                    using (JsonReading.Use(JsonReadMode.Strict))
                    {
                        try
                        {
                            Read<Pet>("""{"petType":"lizard","name":"Liz"}""");
                        }
                        catch (JsonException e)
                        {
                            Check(e.Message.Contains("names none of its variants"), "message: " + e.Message);
                            return;
                        }
                    }

                    throw new Exception("strict reading did not throw");
                }

                public static void EnumVariantsAreNullWhenNotHeld()
                {
                    // Open enums convert from a string: AsX of a variant not held must be null, not that enum made from null.
                    Pricing sku = Read<Pricing>("\"SkuPricing\"");
                    Check(sku.IsOption1 && sku.AsOption1 is not null && sku.AsOption2 is null, "AsOption2 of a held Option1: " + sku.AsOption2);
                    SameJson("\"SkuPricing\"", Write(sku));
                }

                public static void KindBasedUnionOfIntegerAndString()
                {
                    Id number = Read<Id>("5000000000");
                    Id text = Read<Id>("\"main.yml\"");
                    Check(number.IsInt64 && number.AsInt64 == 5000000000L, "integer: " + number);
                    Check(text.IsString && text.AsString == "main.yml", "string: " + text);
                    Check(Write(number) == "5000000000" && Write(text) == "\"main.yml\"", "writes: " + Write(number) + " " + Write(text));
                    Id fromLong = 42L;
                    Id fromString = "x";
                    Check(fromLong.ToString() == "42" && fromString.ToString() == "x", "ToString formats the held value");
                    Check(fromLong == new Id(42L) && fromLong != new Id("42") && fromLong.GetHashCode() == new Id(42L).GetHashCode(), "value equality");
                    Id boolean = Read<Id>("true");
                    Check(boolean.IsUnknown && boolean.JsonReadProblems.Single().Message == "Id: a boolean matches none of its variants; kept as it came.", "a boolean is no variant: " + string.Join("; ", boolean.JsonReadProblems));
                    Check(Write(boolean) == "true", "unknown written back");
                }

                public static void ObjectVariantsAreChosenByTheirProperties()
                {
                    Shape circle = Read<Shape>("""{"radius":2,"label":"c"}""");
                    Shape square = Read<Shape>("""{"label":"s","side":3}""");
                    Check(circle.IsCircle && circle.AsCircle!.Radius == 2, "circle: " + circle);
                    Check(square.IsSquare && square.AsSquare!.Side == 3, "square: " + square);
                    Shape neither = Read<Shape>("""{"color":"red"}""");
                    Check(neither.IsUnknown && neither.JsonReadProblems.Single().Kind == JsonReadProblemKind.NoVariant, "neither: " + neither);
                    SameJson("""{"color":"red"}""", Write(neither));

                    // A required property left out (servers drift): the variant that knows what came, with the gap reported.
                    Shape partial = Read<Shape>("""{"label":"?"}""");
                    Check(partial.IsCircle && partial.JsonReadProblems.Single().Message == "Circle.radius: the required property is missing.", "partial: " + string.Join("; ", partial.JsonReadProblems));
                    SameJson("""{"label":"?"}""", Write(partial));

                    // OpenAI's style: no discriminator keyword, each variant fixes "type".
                    InputItem message = Read<InputItem>("""{"type":"message","text":"hi"}""");
                    InputItem call = Read<InputItem>("""{"call_id":"c1","type":"function_call"}""");
                    Check(message.IsMessage && message.AsMessage!.Text == "hi" && call.IsFunctionCall && call.AsFunctionCall!.CallId == "c1", "implicit discriminator: " + message + " " + call);
                }

                public static void AllOfHierarchyUnderADiscriminator()
                {
                    Animal bird = Read<Animal>("""{"kind":"Bird","name":"Tweety","wings":2}""");
                    Animal fish = Read<Animal>("""{"kind":"Fish","fins":4}""");
                    Check(bird.AsBird!.Wings == 2 && bird.AsBird.Name == "Tweety", "bird: " + bird);
                    Check(fish.IsFish && fish.AsFish!.Fins == 4, "fish: " + fish);
                    Animal other = Read<Animal>("""{"kind":"Cow"}""");
                    Check(other.IsUnknown, "unknown kind");
                    Animal made = new Bird { Kind = "Bird", Wings = 2 };
                    SameJson("""{"kind":"Bird","wings":2}""", Write(made));
                }

                public static void NullableUnionsAndUnionsInListsMapsAndProperties()
                {
                    const string json = """
                        {"pet":{"petType":"cat","name":"Tom"},"maybe":null,"ids":[1,"two",3],
                         "shapes":{"a":{"radius":1},"b":{"side":2}},"flag":false,
                         "items":[{"type":"message","text":"hi"}],"tree":[["a"],"b"]}
                        """;
                    Holder holder = Read<Holder>(json);
                    Check(holder.JsonReadProblems.Count == 0, "problems: " + string.Join("; ", holder.JsonReadProblems));
                    Check(holder.Maybe is null, "null reads as null");
                    Check(holder.Ids!.Select(i => i.ToString()).SequenceEqual(new[] { "1", "two", "3" }), "ids");
                    Check(holder.Shapes!["a"].IsCircle && holder.Shapes["b"].IsSquare, "map values");
                    Check(holder.Flag!.IsBoolean && holder.Flag.AsBoolean == false, "type list");
                    Check(holder.Tree!.IsList && holder.Tree.AsList![0].AsList![0].AsString == "a", "recursive union");
                    SameJson(json, Write(holder));

                    Holder made = new Holder { Pet = new Cat { PetType = "cat", Name = "Tom" }, Maybe = new Dog { PetType = "dog", Name = "Rex", GoodBoy = true }, Ids = new Id[] { 1L, "x" } };
                    SameJson("""{"pet":{"petType":"cat","name":"Tom"},"maybe":{"petType":"dog","name":"Rex","goodBoy":true},"ids":[1,"x"]}""", Write(made));
                    Holder again = Read<Holder>(Write(made));
                    Check(again.Pet == made.Pet, "equal Pet after a round trip: " + again.Pet + " / " + made.Pet);
                    Check(again.Maybe == made.Maybe, "equal Maybe after a round trip");

                    // Without a discriminator, a dog that names no property only Dog knows ties with Cat: the first listed wins.
                    Check(Read<Holder>("""{"pet":{"petType":"cat","name":"Tom"},"maybe":{"petType":"dog","name":"Rex"}}""").Maybe!.IsCat, "a tie goes to the first variant");
                    Check(again.Ids!.SequenceEqual(made.Ids!), "equal Ids after a round trip");
                }
            }
        }
        """";

    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> Generated = new(Compile);

    [Fact]
    public void Generated_unions_compile_without_warnings_and_leave_no_union_untyped()
    {
        GeneratorRun run = Generated.Value.Run;
        Assert.True(run.CompilationProblems.Count == 0, GeneratorHarness.Format(run.CompilationProblems.Take(20)));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ACG010");
    }

    [Fact]
    public void A_union_of_enum_variants_gives_null_for_the_variants_it_does_not_hold() => Invoke("EnumVariantsAreNullWhenNotHeld");

    [Fact]
    public void A_discriminated_union_reads_the_variant_its_discriminator_names_and_writes_it_back() => Invoke("DiscriminatedReadAndWrite");

    [Fact]
    public void An_unknown_discriminator_value_is_kept_as_JSON_reported_and_written_back_unchanged() => Invoke("UnknownDiscriminatorIsKeptAndWrittenBack");

    [Fact]
    public void Strict_reading_throws_on_JSON_that_matches_no_variant() => Invoke("StrictReadingThrowsOnAnUnknownVariant");

    [Fact]
    public void An_integer_or_string_union_reads_by_the_JSON_kind_and_converts_implicitly() => Invoke("KindBasedUnionOfIntegerAndString");

    [Fact]
    public void Object_variants_without_a_discriminator_are_chosen_by_their_property_names() => Invoke("ObjectVariantsAreChosenByTheirProperties");

    [Fact]
    public void An_allOf_hierarchy_under_a_discriminator_reads_as_a_union_of_its_subtypes() => Invoke("AllOfHierarchyUnderADiscriminator");

    [Fact]
    public void Unions_work_as_nullable_properties_list_items_and_map_values() => Invoke("NullableUnionsAndUnionsInListsMapsAndProperties");

    [Fact]
    public void A_union_s_AdditionalProperties_is_a_compile_error_that_points_to_the_variant_s()
    {
        const string user = """
            namespace Consumer
            {
                public static class Misuse
                {
                    public static object? Get(Pet pet) => pet.AdditionalProperties;
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.LoadTestSpec("unions.openapi.yaml") }, GeneratorHarness.CreateCompilation(user));

        Diagnostic error = Assert.Single(run.OutputCompilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS0619", error.Id);
        Assert.Contains("see the held variant's AdditionalProperties, or UnknownJson", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Variants_that_cannot_be_told_apart_stay_JsonElement_with_a_diagnostic_saying_why()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Same, version: '1' }
            paths: {}
            components:
              schemas:
                A: { type: object, additionalProperties: { type: string } }
                B: { type: object, additionalProperties: { type: integer } }
                Either:
                  oneOf:
                    - $ref: '#/components/schemas/A'
                    - $ref: '#/components/schemas/B'
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/same.openapi.yaml", spec) });
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ACG010");
        Assert.Contains("are maps that nothing in the JSON tells apart", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.CompilationProblems);
    }

    private static void Invoke(string check)
    {
        MethodInfo method = Generated.Value.Assembly.GetType("Consumer.UnionChecks", throwOnError: true)!.GetMethod(check)!;
        try
        {
            method.Invoke(null, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new Xunit.Sdk.XunitException(check + ": " + e.InnerException.Message + "\n" + e.InnerException.StackTrace);
        }
    }

    private static (GeneratorRun, Assembly) Compile()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[] { GeneratorHarness.LoadTestSpec("unions.openapi.yaml") },
            GeneratorHarness.CreateCompilation(Checks));
        using var image = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(image);
        Assert.True(emitted.Success, GeneratorHarness.Format(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        return (run, Assembly.Load(image.ToArray()));
    }
}
