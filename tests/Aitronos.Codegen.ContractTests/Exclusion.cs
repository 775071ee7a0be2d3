using System;
using System.Linq;

namespace Aitronos.Codegen.ContractTests;

/// <summary>
/// An operation that is not expected to be accepted, and the exact way it fails, which the test asserts: an
/// exclusion that stops failing (the operation is accepted now) or fails differently is itself a test failure, so the
/// list only holds what is true today.
/// </summary>
public abstract record Exclusion(string Reason)
{
    /// <summary>Null when <paramref name="outcome"/> fails exactly as described, else what differs.</summary>
    public abstract string? Check(OperationOutcome outcome);

    protected static string Text(OperationOutcome outcome) =>
        string.Join("\n", outcome.Exchanges.Select(e => e.Violations + " " + e.Body)) + "\n" + outcome.Error;

    /// <summary>
    /// Prism took the request (no violation located in it) but answers 500 because the response it made from the spec's
    /// own example breaks the spec's schema (or the spec defines no response): not the client's fault.
    /// </summary>
    public sealed record PrismResponseBroken(string Evidence, string Reason) : Exclusion(Reason)
    {
        public override string? Check(OperationOutcome outcome) =>
            outcome.RequestAcceptedResponseBroken && Text(outcome).Contains(Evidence, StringComparison.Ordinal)
                ? null
                : $"expected Prism to accept the request and fail on its own response with '{Evidence}'";
    }

    /// <summary>Prism's node process dies on the request (a Prism bug): the stack trace it prints is asserted.</summary>
    public sealed record PrismCrashes(string Evidence, string Reason) : Exclusion(Reason)
    {
        public override string? Check(OperationOutcome outcome) =>
            outcome.PrismLastWords?.Contains(Evidence, StringComparison.Ordinal) == true
                ? null
                : $"expected Prism to crash with '{Evidence}'";
    }

    /// <summary>Prism rejects a request the OpenAPI specification allows, with exactly this violation.</summary>
    public sealed record PrismRejectsValidRequest(string Evidence, string Reason) : Exclusion(Reason)
    {
        public override string? Check(OperationOutcome outcome) =>
            outcome.Exchanges.Count == 1 && outcome.Exchanges[0].Status is >= 400 and < 500
                && Text(outcome).Contains(Evidence, StringComparison.Ordinal)
                ? null
                : $"expected Prism to reject the request with '{Evidence}'";
    }

    /// <summary>
    /// The body must satisfy a <c>oneOf</c> whose branches overlap (objects open to each other's properties), so every
    /// value matches two branches and JSON Schema rejects it whatever the discriminator says. Prism does exactly that.
    /// </summary>
    public sealed record OneOfBranchesOverlap(string Reason = "oneOf branches overlap: no value matches exactly one") : Exclusion(Reason)
    {
        public override string? Check(OperationOutcome outcome) =>
            outcome.AmbiguousOneOf && outcome.Exchanges.Count == 1 && outcome.Exchanges[0].Status == 422
                && Text(outcome).Contains("\"code\":\"oneOf\"", StringComparison.Ordinal)
                ? null
                : "expected an ambiguous oneOf sample rejected by Prism with code oneOf";
    }

    /// <summary>
    /// Our client cannot make a valid call yet (another piece of work is closing the gap); the failure named here is
    /// asserted, and the exclusion must go once the operation is accepted.
    /// </summary>
    public sealed record ClientGap(string Evidence, string Reason) : Exclusion(Reason)
    {
        public override string? Check(OperationOutcome outcome) =>
            Text(outcome).Contains(Evidence, StringComparison.Ordinal) ? null : $"expected the call to fail with '{Evidence}'";
    }
}
