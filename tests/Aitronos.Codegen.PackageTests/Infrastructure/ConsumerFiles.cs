namespace Aitronos.Codegen.PackageTests.Infrastructure;

/// <summary>Project files and specs for consumer projects, written the way a user would write them.</summary>
internal static class ConsumerFiles
{
    /// <summary>A net10.0 console app with a PackageReference to the packed package.</summary>
    public static string ConsoleApp(string version, string extraProjectXml = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="{PackedPackage.PackageId}" Version="{version}" />
          </ItemGroup>
        {extraProjectXml}
        </Project>

        """;

    /// <summary>A netstandard2.0 class library with a PackageReference to the packed package.</summary>
    public static string NetStandardLibrary(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>netstandard2.0</TargetFramework>
            <!-- Generated clients need C# 11; netstandard2.0 defaults to 7.3. -->
            <LangVersion>latest</LangVersion>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="{PackedPackage.PackageId}" Version="{version}" />
          </ItemGroup>
        </Project>

        """;

    /// <summary>A net10.0 console app that references only <paramref name="projectReference"/>, not the package.</summary>
    public static string ConsoleAppWithoutPackage(string projectReference) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{projectReference}" />
          </ItemGroup>
        </Project>

        """;

    /// <summary>
    /// A tiny spec written for these tests: <c>listPets</c>, and with <paramref name="withGetPet"/> also <c>getPet</c>.
    /// Both are tagged <c>Pets</c>, so they land on the <c>Pets</c> sub-client.
    /// </summary>
    public static string PetstoreSpec(bool withGetPet)
    {
        string getPet = withGetPet
            ? """
                /pets/{petId}:
                  get:
                    operationId: getPet
                    tags: [Pets]
                    parameters:
                      - name: petId
                        in: path
                        required: true
                        schema:
                          type: integer
                          format: int64
                    responses:
                      '200':
                        description: The pet.
                        content:
                          application/json:
                            schema:
                              $ref: '#/components/schemas/Pet'

              """
            : string.Empty;
        return $$"""
            openapi: 3.0.3
            info:
              title: Petstore
              version: 1.0.0
            servers:
              - url: https://petstore.invalid/v1
            paths:
              /pets:
                get:
                  operationId: listPets
                  tags: [Pets]
                  responses:
                    '200':
                      description: The pets.
                      content:
                        application/json:
                          schema:
                            type: array
                            items:
                              $ref: '#/components/schemas/Pet'
            {{getPet}}components:
              schemas:
                Pet:
                  type: object
                  required: [id, name]
                  properties:
                    id:
                      type: integer
                      format: int64
                    name:
                      type: string

            """;
    }
}
