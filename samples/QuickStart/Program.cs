using System;
using Aitronos;
var client = new AitronosClient(new AitronosClientOptions { ApiKey = "ak_test", BaseUrl = new Uri("http://127.0.0.1:1") });
Console.WriteLine(client.KnowledgeConnectors);
