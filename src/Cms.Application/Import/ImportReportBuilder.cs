namespace Cms.Application.Import;

/// <summary>Collects what happened to each file of an import.</summary>
public sealed class ImportReportBuilder
{
    private readonly List<ImportProblem> _failed = [];
    private readonly List<ImportProblem> _warnings = [];
    private readonly List<ImportedFile> _files = [];

    public void Done(string file, string outcome, string slug) => _files.Add(new ImportedFile(file, outcome, slug));

    public void Fail(string file, string message, string? slug)
    {
        _failed.Add(new ImportProblem(file, message));
        _files.Add(new ImportedFile(file, "failed", slug));
    }

    public void Warn(string file, string message) => _warnings.Add(new ImportProblem(file, message));

    public ImportReport Build() => new(
        _files.Count(f => f.Outcome == "created"),
        _files.Count(f => f.Outcome == "updated"),
        _files.Count(f => f.Outcome == "unchanged"),
        _failed, _warnings, _files);
}
