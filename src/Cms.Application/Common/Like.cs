namespace Cms.Application.Common;

public static class Like
{
    /// <summary>A LIKE pattern matching values that start with <paramref name="prefix"/> taken literally.</summary>
    public static string Prefix(string prefix) =>
        prefix.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
