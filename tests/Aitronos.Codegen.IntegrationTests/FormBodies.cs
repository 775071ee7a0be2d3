using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>What a server makes of a form-urlencoded body the client sent: its pairs, in order, decoded by ASP.NET Core's own reader.</summary>
internal static class FormBodies
{
    public static async Task<List<(string, string)>> Pairs(byte[] body)
    {
        var pairs = new List<(string, string)>();
        using var reader = new FormReader(new MemoryStream(body));
        while (await reader.ReadNextPairAsync() is { } pair)
        {
            pairs.Add((pair.Key, pair.Value));
        }

        return pairs;
    }
}
