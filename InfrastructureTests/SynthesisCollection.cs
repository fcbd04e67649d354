namespace VideoAspire.InfrastructureTests;

/// <summary>
/// Test classes that synthesize the stack share this collection, so they run one after another: the CDK's .NET
/// runtime talks to one jsii (Node.js) process over a single stream, and two classes synthesizing at once interleave
/// their messages ("Additional text encountered after finished reading JSON content").
/// </summary>
internal static class SynthesisCollection
{
    public const string Name = "CDK synthesis";
}
