namespace NewsPlatform.EndToEnd.Tests;

/// <summary>One stack shared by the tests that only read and publish: starting five processes is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<Stack>
{
    public const string Name = "stack";
}
