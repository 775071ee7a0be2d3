using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Runtime.Serialization;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>The runtime side of generated unions: choosing a variant from the JSON without moving the reader, and value equality.</summary>
public sealed class JsonUnionTests
{
    private static readonly JsonUnionDiscriminator Discriminator = new("Pet", "petType", new[] { "cat", "dog", "kitten" }, new[] { 1, 2, 1 });

    [Theory]
    [InlineData("""{"name":"x","petType":"dog"}""", 2)]
    [InlineData("""{"petType":"kitten"}""", 1)]
    [InlineData("""{"pet\u0054ype":"c\u0061t"}""", 1)]
    [InlineData("""{"inner":{"petType":"dog"},"petType":"cat"}""", 1)]
    [InlineData("""{"inner":{"petType":"dog"}}""", 0)]
    [InlineData("""{"petType":7}""", 0)]
    [InlineData("""{"petType":"lizard"}""", 0)]
    [InlineData("""["petType","dog"]""", 0)]
    public void The_discriminator_finds_the_variant_its_top_level_property_names_and_nothing_else(string json, int expected)
    {
        var reader = Reader(json);
        Assert.Equal(expected, Discriminator.Find(ref reader));
        Assert.True(reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray, "the reader did not move");
        Assert.Equal(0, reader.CurrentDepth);
    }

    [Theory]
    [InlineData("""{"radius":1}""", 1)]
    [InlineData("""{"side":1,"label":"x"}""", 2)]
    [InlineData("""{"radius":1,"side":2,"label":"x","extra":1}""", 1)]
    [InlineData("""{"radius":1,"side":2,"label":"x","corner":1}""", 2)]
    [InlineData("""{"label":"x"}""", 1)]
    [InlineData("""{"corner":"x"}""", 2)]
    [InlineData("""{"nothing":"known"}""", 0)]
    public void Object_variants_are_chosen_by_required_then_known_property_names(string json, int expected)
    {
        var shapes = new JsonUnionShapes(0, new[] { 1, 2 }, new[] { new[] { "radius" }, new[] { "side" } }, new[] { new[] { "radius", "label" }, new[] { "side", "label", "corner" } });
        var reader = Reader(json);
        Assert.Equal(expected, shapes.Pick(ref reader));
        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
    }

    [Fact]
    public void Kind_checks_look_at_the_token_only()
    {
        var big = Reader("5000000000");
        Assert.False(big.IsInt32Number());
        Assert.True(big.IsInt64Number());
        var uuid = Reader("\"0f8fad5b-d9cb-469f-a165-70867728950e\"");
        Assert.True(uuid.IsGuidString());
        Assert.False(uuid.IsDateString());
        var date = Reader("\"2024-02-29\"");
        Assert.True(date.IsDateString());
        Assert.True(date.IsStringOf(new[] { "x", "2024-02-29" }));
        var list = Reader("[true]");
        Assert.Equal(JsonTokenType.True, list.FirstItemToken());
        Assert.Equal(JsonTokenType.StartArray, list.TokenType);
    }

    [Fact]
    public void Unions_are_equal_by_the_variant_and_value_they_hold()
    {
        Assert.Equal(new TestUnion(new List<string> { "a", "b" }), new TestUnion(new List<string> { "a", "b" }));
        Assert.NotEqual(new TestUnion(new List<string> { "a" }), new TestUnion(new List<string> { "b" }));
        Assert.Equal(new TestUnion(5L), new TestUnion(5L));
        Assert.NotEqual(new TestUnion(5L), new TestUnion(new List<string> { "5" }));
        Assert.Equal(new TestUnion(5L).GetHashCode(), new TestUnion(5L).GetHashCode());
        Assert.Equal("5", new TestUnion(5L).ToString());
        Assert.Equal("[\"a\"]", new TestUnion(new List<string> { "a" }).ToString());
    }

    private static Utf8JsonReader Reader(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    private sealed record TestUnion : JsonUnion
    {
        public TestUnion(long value) : base(1, value) { }

        public TestUnion(List<string> value) : base(2, value) { }

        protected override void WriteJsonValue(Utf8JsonWriter writer)
        {
            if (VariantIndex == 1)
            {
                writer.WriteNumberValue((long)VariantValue);
            }
            else
            {
                writer.WriteStartArray();
                foreach (string item in (List<string>)VariantValue)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
            }
        }
    }
}
