using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Aitronos.Codegen.Reading;
using Aitronos.Codegen.Tests.Infrastructure;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// The char walk that locates JSON pointers in a spec's text gives exactly the spans of the UTF-8 reader walk it
/// replaced (which it still falls back to): on tricky JSON, on random documents and on every JSON spec of the corpus.
/// </summary>
public sealed class PointerWalkTests
{
    public static IEnumerable<object[]> Tricky() => new[]
    {
        // Escapes in keys, pointer escaping of ~ and /, unicode escapes.
        new object[] { """{"a\"b": {"x": 1}, "c~d": [1, 2], "e/f": {"g": "h"}, "\u00e9t\u00E9": true, "\\": null, "t\tab": 0}""" },
        // Non-ASCII before the pointers, so that char and byte offsets differ; an emoji (a surrogate pair).
        new object[] { "{\"description\": \"Grüße 🙂 日本語\", \"paths\": {\"/a/{id}\": {\"get\": {\"x\": [\"é\", {\"y\": \"🙂\"}]}}}}" },
        // Nested arrays, empty containers, numbers of every form, literals.
        new object[] { """[[1, [2, [3, {}]], []], {"n": [-0, 1.5e10, -2E-3, 0.25, 10]}, true, false, null, "s"]""" },
        // Trailing commas (the reader allows them) and white space around colons.
        new object[] { "{ \"a\" :\t{\"b\" : [1, 2, ], } ,\r\n \"c\": [ {\"d\": 1,}, ], }" },
        // Comments (the char walk leaves them to the reader).
        new object[] { "{ // a comment\n \"a\": /* inline */ {\"b\": 1} }" },
        // Duplicate keys: the last one wins, as before.
        new object[] { """{"a": {"b": 1}, "a": {"b": 2}}""" },
        // A byte order mark, then a document.
        new object[] { "\uFEFF{\"a\": 1}" },
        // Malformed documents: both walks refuse them (or the reader decides).
        new object[] { """{"a": {"b": 01}}""" },
        new object[] { """{"a": [1 2]}""" },
        new object[] { """{"a": "unterminated}""" },
        new object[] { """{"a": tru}""" },
        new object[] { """{"a": "bad \x escape"}""" },
        new object[] { "{\"a\": \"raw\ttab\"}" },
        new object[] { """{"a": 1.}""" },
        new object[] { """{"a": [}""" },
        new object[] { """{"a": 1""" },
        new object[] { """{"\ud83d\ude42": {"k": 1}, "lone\ud800": 2}""" },
        new object[] { "{\"lone\ud800raw\": 1}" },
        new object[] { """  42  """ },
        new object[] { "" },
        new object[] { "openapi: 3.0.0\ninfo: {}\n" },
    };

    [Theory]
    [MemberData(nameof(Tricky))]
    public void CharWalkFindsTheSpansTheReaderWalkFound(string json)
    {
        AssertSameSpans(json, AllPointers(json));
    }

    [Fact]
    public void CharWalkMatchesTheReaderWalkOnRandomDocuments()
    {
        var random = new Random(20261202);
        for (int n = 0; n < 400; n++)
        {
            JsonNode root = n % 4 == 0 ? new JsonArray(RandomValue(random, 1)) : new JsonObject { ["r"] = RandomValue(random, 1), [s_keys[random.Next(s_keys.Length)]] = RandomValue(random, 0) };
            string json = root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = n % 2 == 0, Encoder = n % 3 == 0 ? System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null });
            HashSet<string> all = AllPointers(json);
            AssertSameSpans(json, all);
            Assert.True(JsonCharWalk.TryWalk(json, all, new Dictionary<string, (int, int)>()), "the char walk gave up on valid JSON: " + json);

            // A random subset: the walks follow only what is wanted.
            AssertSameSpans(json, new HashSet<string>(all.Where(_ => random.Next(3) > 0), StringComparer.Ordinal));
        }
    }

    [SkippableFact]
    public void CharWalkMatchesTheReaderWalkOnTheCorpusJsonSpecs()
    {
        Skip.If(Corpus.Directory is null, Corpus.MissingMessage);
        int checkedSpecs = 0, walkedByChars = 0;
        foreach (string path in Directory.EnumerateFiles(Corpus.Directory!, "*.json", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(path);
            HashSet<string> pointers = AllPointers(text);
            if (pointers.Count > 0)
            {
                AssertSameSpans(text, pointers, path);
                checkedSpecs++;
                walkedByChars += JsonCharWalk.TryWalk(text, pointers, new Dictionary<string, (int, int)>()) ? 1 : 0;
            }
        }

        Assert.True(checkedSpecs > 0, "no JSON spec in the corpus was checked");
        Assert.True(walkedByChars == checkedSpecs, $"the char walk gave up on {checkedSpecs - walkedByChars} of {checkedSpecs} corpus specs");
    }

    private static void AssertSameSpans(string json, HashSet<string> wanted, string? name = null)
    {
        var expected = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        Exception? expectedError = Record(() => PointerIndex.TryWalkJsonUtf8(json, wanted, expected), out bool expectedWalked);
        var actual = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        Exception? actualError = Record(() => PointerIndex.TryWalkJson(json, wanted, actual), out bool actualWalked);
        Assert.True(expectedError?.GetType() == actualError?.GetType(), $"{name ?? json}: reader walk threw {expectedError?.GetType().Name ?? "nothing"}, char walk {actualError?.GetType().Name ?? "nothing"}");
        Assert.True(expectedWalked == actualWalked, $"{name ?? json}: reader walk {expectedWalked}, char walk {actualWalked}");
        foreach (var pair in expected)
        {
            Assert.True(actual.TryGetValue(pair.Key, out var span), $"{name ?? json}: {pair.Key} not found by the char walk");
            Assert.True(pair.Value == span, $"{name ?? json}: {pair.Key} at {span}, the reader walk said {pair.Value}");
        }

        Assert.Equal(expected.Count, actual.Count);
    }

    /// <summary>Runs a walk; what it threw (an escaped lone surrogate in a key: the reader cannot decode it, as before).</summary>
    private static Exception? Record(Func<bool> walk, out bool walked)
    {
        try
        {
            walked = walk();
            return null;
        }
        catch (InvalidOperationException ex)
        {
            walked = false;
            return ex;
        }
    }

    /// <summary>Every pointer of the document (as <see cref="System.Text.Json"/> reads it), plus "/".</summary>
    private static HashSet<string> AllPointers(string json)
    {
        var all = new HashSet<string>(StringComparer.Ordinal) { "/" };
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            // Malformed: want a few pointers anyway, so that a walk that wrongly accepted it would show spans.
            return new HashSet<string>(StringComparer.Ordinal) { "/", "/a", "/a/b", "/a/0" };
        }

        void Add(JsonNode? node, string pointer)
        {
            if (node is JsonObject obj)
            {
                foreach (var pair in obj)
                {
                    string child = PointerIndex.Child(pointer, pair.Key);
                    all.Add(child);
                    Add(pair.Value, child);
                }
            }
            else if (node is JsonArray array)
            {
                for (int i = 0; i < array.Count; i++)
                {
                    string child = PointerIndex.Child(pointer, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    all.Add(child);
                    Add(array[i], child);
                }
            }
        }

        try
        {
            Add(root, "/");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Duplicate keys, or a key JsonObject cannot decode: the pointers up to there are wanted.
        }

        return all;
    }

    private static readonly string[] s_keys = { "a", "b~c", "d/e", "é", "🙂", "q\"uote", "back\\slash", "tab\t", "ctl\u0001", "<&>", "x", "y", "" };

    private static JsonNode? RandomValue(Random random, int depth)
    {
        switch (depth > 4 ? random.Next(5) : random.Next(7))
        {
            case 0: return JsonValue.Create(s_keys[random.Next(s_keys.Length)] + "ü\u2028");
            case 1: return JsonValue.Create(random.Next(-1000, 1000));
            case 2: return JsonValue.Create(random.NextDouble() * 1e6);
            case 3: return JsonValue.Create(random.Next(2) == 0);
            case 4: return null;
            case 5:
                var obj = new JsonObject();
                int members = random.Next(5);
                for (int i = 0; i < members; i++)
                {
                    obj[s_keys[random.Next(s_keys.Length)]] = RandomValue(random, depth + 1);
                }

                return obj;
            default:
                var array = new JsonArray();
                int items = random.Next(5);
                for (int i = 0; i < items; i++)
                {
                    array.Add(RandomValue(random, depth + 1));
                }

                return array;
        }
    }
}
