using System;

namespace Aitronos.Codegen.ContractTests;

/// <summary>A server the contract run calls a spec's operations against: Prism, or a hand-written fake of the API.</summary>
public interface IContractServer : IDisposable
{
    /// <summary>Where the generated client sends its requests.</summary>
    Uri BaseUrl { get; }

    /// <summary>Whether the server died (Prism crashes on some requests).</summary>
    bool HasExited { get; }

    /// <summary>What the server printed so far, for failure messages.</summary>
    string Log { get; }

    /// <summary>Gives a dying server a moment to finish exiting; true when it has.</summary>
    bool WaitForExit(TimeSpan timeout);
}
