namespace NewsPlatform.Authoring.Tests.Import.Parsing;

/// <summary>
/// Writes a text in the seed format with the seed's layout; each test changes the one part it is about.
/// </summary>
public sealed record SeedTextBuilder
{
    public string Headline { get; init; } = "Danish Ferry Resumes Service After Storm";
    public string Byline { get; init; } = "Written by Camilla Jessen";
    public string Time { get; init; } = "Jan.14 - 2025 1:36 PM CET";
    public string Section { get; init; } = "News";
    public IReadOnlyList<string> PhotoLines { get; init; } = ["Photo: Stefan Bruder / Shutterstock.com"];
    public string Lead { get; init; } = "The ferry between Aarhus and Odden sailed again on Tuesday.";
    public IReadOnlyList<string> Widget { get; init; } = ["Trending Now", "TRENDING NOW"];
    public IReadOnlyList<string> Body { get; init; } =
    [
        "The ferry between Aarhus and Odden sailed again on Tuesday morning after two days in port, the operator said.",
        "Passengers Return",
        "“We waited patiently,” said one passenger.",
    ];
    public string NewLine { get; init; } = "\n";

    public string Build()
    {
        string[] header = [Headline, "", Byline, "", Time, "", Section];
        var lines = header.Concat(PhotoLines).Append(Lead)
            .Concat(Widget.SelectMany(w => new[] { "", w }))
            .Concat(Body.SelectMany(b => new[] { "", b }));
        return string.Join(NewLine, lines);
    }

    public override string ToString() => Build();
}
