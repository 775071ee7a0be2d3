using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text.Json;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Tests.Infrastructure;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// The JSON properties a schema does not name: untyped, they live in the base model's <see cref="JsonModel.AdditionalProperties"/>
/// (no field in the model, made only when some come), and stay part of the value (read, written back, copied by
/// <c>with</c>, compared, printed). A schema that types them, or a property that takes the name, keeps a property of the
/// model's own. Models also inherit the base's sealed <c>ToString</c> instead of each getting a synthesized one.
/// </summary>
public sealed class AdditionalPropertiesTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Extras, version: '1' }
        paths: {}
        components:
          schemas:
            Plain:
              type: object
              properties:
                name: { type: string }
            Tags:
              type: object
              properties:
                name: { type: string }
              additionalProperties: { type: string }
            Odd:
              type: object
              properties:
                additionalProperties: { type: string }
        """;

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    private static readonly Lazy<(Assembly Assembly, JsonSerializerOptions Options)> Generated = new(Compile);

    [Fact]
    public void Unknown_properties_are_read_into_the_base_and_written_back()
    {
        const string json = """{"name":"a","extra":1,"more":{"x":[true]}}""";
        JsonModel plain = Read("Plain", json);

        IReadOnlyDictionary<string, JsonElement> extra = Assert.IsAssignableFrom<IReadOnlyDictionary<string, JsonElement>>(plain.AdditionalProperties);
        Assert.Equal(new[] { "extra", "more" }, extra.Keys);
        Assert.Equal("""{"x":[true]}""", extra["more"].GetRawText());
        Assert.Equal(json, Write(plain));
        Assert.Null(Read("Plain", """{"name":"a"}""").AdditionalProperties);
    }

    [Fact]
    public void An_untyped_model_declares_no_member_of_its_own_for_them_nor_a_ToString()
    {
        Type plain = TypeOf("Plain");

        Assert.Null(plain.GetProperty(nameof(JsonModel.AdditionalProperties), Declared));
        Assert.DoesNotContain(plain.GetFields(Declared), f => f.FieldType == typeof(IReadOnlyDictionary<string, JsonElement>));
        Assert.Null(plain.GetMethod(nameof(ToString), Declared, null, Type.EmptyTypes, null));
        Assert.Equal(typeof(JsonModel), plain.GetMethod(nameof(ToString), Type.EmptyTypes)!.DeclaringType);
    }

    [Fact]
    public void A_copy_made_by_with_keeps_them_and_equals_the_original()
    {
        JsonModel plain = Read("Plain", """{"name":"a","extra":1}""");

        // What a with-expression calls: the record's clone, through the copy constructors.
        var copy = (JsonModel)plain.GetType().GetMethod("<Clone>$")!.Invoke(plain, null)!;

        Assert.Same(plain.AdditionalProperties, copy.AdditionalProperties);
        Assert.Equal(plain, copy);
        Assert.Equal(plain.GetHashCode(), copy.GetHashCode());
        Assert.Equal("""{"name":"a","extra":1}""", Write(copy));
    }

    [Fact]
    public void They_take_part_in_equality_as_the_dictionary_compares_itself()
    {
        using var document = JsonDocument.Parse("1");
        var extra = new Dictionary<string, JsonElement> { ["extra"] = document.RootElement.Clone() };
        JsonModel Make(IReadOnlyDictionary<string, JsonElement>? additional)
        {
            var model = (JsonModel)Activator.CreateInstance(TypeOf("Plain"))!;
            model.GetType().GetProperty("Name")!.SetValue(model, "a");
            typeof(JsonModel).GetProperty(nameof(JsonModel.AdditionalProperties))!.SetValue(model, additional);
            return model;
        }

        Assert.Equal(Make(extra), Make(extra));
        Assert.Equal(Make(extra).GetHashCode(), Make(extra).GetHashCode());
        Assert.NotEqual(Make(extra), Make(null));
        Assert.NotEqual(Make(null), Make(extra));
        Assert.Equal(Make(null), Make(null));
        Assert.Equal("""{"name":"a","extra":1}""", Write(Make(extra)));
    }

    [Fact]
    public void ToString_prints_the_type_name_and_every_member_with_them()
    {
        Assert.Equal("Plain { \"name\":\"a\",\"extra\":1 }", Read("Plain", """{"name":"a","extra":1}""").ToString());
        Assert.Equal("Plain { }", Activator.CreateInstance(TypeOf("Plain"))!.ToString());
    }

    [Fact]
    public void Typed_additional_properties_keep_the_model_s_own_typed_property()
    {
        const string json = """{"name":"a","x":"1","y":"2"}""";
        JsonModel tags = Read("Tags", json);

        PropertyInfo own = Assert.Single(tags.GetType().GetProperties(), p => p.Name == "AdditionalProperties" && p.DeclaringType == tags.GetType());
        Assert.Equal(typeof(IReadOnlyDictionary<string, string>), own.PropertyType);
        var values = (IReadOnlyDictionary<string, string>)own.GetValue(tags)!;
        Assert.Equal(("1", "2"), (values["x"], values["y"]));
        Assert.Null(tags.AdditionalProperties);
        Assert.Equal(json, Write(tags));
    }

    [Fact]
    public void A_property_named_additionalProperties_keeps_its_name_and_the_unknown_ones_go_to_the_model_s_renamed_member()
    {
        const string json = """{"additionalProperties":"mine","other":true}""";
        JsonModel odd = Read("Odd", json);
        Type type = odd.GetType();

        Assert.Equal("mine", type.GetProperty("AdditionalProperties", Declared)!.GetValue(odd));
        var extra = (IReadOnlyDictionary<string, JsonElement>)type.GetProperty("AdditionalProperties2", Declared)!.GetValue(odd)!;
        Assert.Equal(JsonValueKind.True, extra["other"].ValueKind);
        Assert.Equal(json, Write(odd));
    }

    private static Type TypeOf(string name) => Generated.Value.Assembly.GetType("Consumer." + name, throwOnError: true)!;

    private static JsonModel Read(string typeName, string json) =>
        (JsonModel)JsonSerializer.Deserialize(json, TypeOf(typeName), Generated.Value.Options)!;

    private static string Write(JsonModel model) => JsonSerializer.Serialize(model, model.GetType(), Generated.Value.Options);

    private static (Assembly, JsonSerializerOptions) Compile() => GeneratedAssembly.CompileAndLoad(new SpecFile("/project/extras.openapi.yaml", Spec), "ExtrasJsonContext");
}
