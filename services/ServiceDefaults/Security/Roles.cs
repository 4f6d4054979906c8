namespace NewsPlatform.ServiceDefaults.Security;

/// <summary>Newsroom roles. Each includes the rights of the ones before it.</summary>
public static class Roles
{
    public const string Writer = "writer";
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Writer, Editor, Admin];

    /// <summary>Roles that satisfy a requirement for <paramref name="role"/>.</summary>
    public static string[] AtLeast(string role) => role switch
    {
        Writer => [Writer, Editor, Admin],
        Editor => [Editor, Admin],
        Admin => [Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role"),
    };
}

/// <summary>Authorization policy names, one per minimum role.</summary>
public static class Policies
{
    public const string Writer = "writer";
    public const string Editor = "editor";
    public const string Admin = "admin";
}
