namespace Cms.Application.Import;

/// <summary>What an import did: counts, and per file what happened.</summary>
/// <param name="Created">Posts that did not exist (by slug) and were created.</param>
/// <param name="Updated">Posts that existed with other content and were updated.</param>
/// <param name="Unchanged">Posts that existed with the same content: nothing was written.</param>
/// <param name="Failed">Files that were not imported, with the reason (and the line, for YAML errors).</param>
/// <param name="Warnings">Files imported with a caveat, such as an image that is not in the upload.</param>
/// <param name="Files">Every post file, in the order read, with its outcome and slug.</param>
public sealed record ImportReport(
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<ImportProblem> Failed,
    IReadOnlyList<ImportProblem> Warnings,
    IReadOnlyList<ImportedFile> Files);

/// <param name="File">The file's path in the upload.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ImportProblem(string File, string Message);

/// <param name="File">The file's path in the upload.</param>
/// <param name="Outcome">created, updated, unchanged or failed.</param>
/// <param name="Slug">The post's slug, when the file could be read.</param>
public sealed record ImportedFile(string File, string Outcome, string? Slug);
