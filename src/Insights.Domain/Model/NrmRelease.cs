namespace Insights.Model;

/// <summary>
/// One quarterly NRM release (a vintage), identified by the quarter it reports and its edition: the date it was
/// published, where the workbook says. A reissued release of the same quarter is another edition, a release of
/// its own (record equality covers both). Every release revises earlier quarters, so each figure carries the
/// release it came from.
/// </summary>
public sealed record NrmRelease(Quarter Quarter, DateOnly? Published = null)
{
    public override string ToString() => $"{Quarter} release";
}

/// <summary>Which published table a count comes from.</summary>
public enum NrmTable
{
    /// <summary>Table_2 in 2023: referrals by year, quarter, age at exploitation and location of exploitation.</summary>
    QuarterlySeries,
    /// <summary>Tables 11-14 in 2023: referrals in the release quarter by first responder, exploitation type, age, gender and nationality.</summary>
    FirstResponder,
}

/// <summary>
/// One tidy NRM count: a combination of dimensions and the number of potential victims referred. A dimension the
/// table does not break down, or a subtotal row or column, holds <see cref="Breakdown{T}.Total"/>; a responder
/// type's total row has the type in <see cref="ResponderType"/> and the total in <see cref="Responder"/>. A count
/// the table publishes as GSS shorthand ("[c]", "[x]"...) has <see cref="People"/> null and the reason in
/// <see cref="MissingReason"/>: it is never read as 0. <see cref="At"/> is the cell it was read from (file, sheet,
/// row, column), for the run manifest; null for counts made in code.
/// </summary>
public sealed record NrmCount(
    NrmRelease Release,
    NrmTable Table,
    Quarter Quarter,
    Breakdown<string> ResponderType,
    Breakdown<string> Responder,
    Breakdown<NrmExploitationType> ExploitationType,
    Breakdown<string> AgeGroup,
    Breakdown<string> Gender,
    Breakdown<string> Nationality,
    Breakdown<string> Location,
    int? People,
    string? MissingReason = null,
    SourceLocation? At = null)
{
    /// <summary>True when a dimension the table breaks down holds a total of others (a subtotal row or column).</summary>
    public bool IsSubtotal => Table == NrmTable.QuarterlySeries
        ? Location.IsTotal
        : Responder.IsTotal || ExploitationType.IsTotal || AgeGroup.IsTotal || Gender.IsTotal || Nationality.IsTotal;
}

/// <summary>The labels the NRM tables use, in one place.</summary>
public static class NrmLabels
{
    public const string Adult = "Adult (18 or over)";
    public const string Child = "Child (17 or under)";
    public const string AgeUnknownSeries = "Age not specified or unknown";
    public const string NotSpecified = "Not specified or unknown";
    public const string Male = "Male";
    public const string Female = "Female";
    public const string Uk = "UK";
    public const string UnknownNationality = "Unknown";

    public static readonly IReadOnlyList<string> SeriesAgeGroups = [Adult, Child, AgeUnknownSeries];
    /// <summary>The locations of exploitation of the quarterly series (its "Total" columns are not a location).</summary>
    public static readonly IReadOnlyList<string> Locations = ["Overseas", "UK", "UK and Overseas", NotSpecified];

    /// <summary>Both spellings of "age unknown" (Table_2 and the first-responder tables) are the same group.</summary>
    public static bool IsAgeUnknown(string age) => age is AgeUnknownSeries or NotSpecified;
}

public static class NrmResponders
{
    /// <summary>First responder types, spelt as in the long files.</summary>
    public static readonly IReadOnlyList<string> Types = ["Government agency", "NGO and third sector", "Local Authority", "Police"];
}

/// <summary>
/// Single and dual nationalities. The tables give dual nationals their own column ("Albanian UK"); the bulletin's
/// nationality shares count single nationalities only, so duals must be recognised, not added in.
/// </summary>
public static class NrmNationality
{
    static readonly string[] AdjectiveEndings = ["an", "ese", "ish", "i", "ch", "er", "ic", "ot", "ss"];

    /// <summary>
    /// A column is a dual nationality when it splits at a space into two parts that are both nationalities: the
    /// second part another column of the table (or "UK"/"Unknown"), the first part a column or an adjective. This
    /// keeps "South Sudanese", "Saudi Arabian", "Sierra Leonean" and "Congolese (Drc)" single.
    /// </summary>
    public static bool IsDual(string name, IReadOnlySet<string> columns)
    {
        var parts = name.Split(' ');
        for (var i = 1; i < parts.Length; i++)
        {
            var first = string.Join(' ', parts[..i]);
            var second = string.Join(' ', parts[i..]);
            if (second is NrmLabels.Uk or NrmLabels.UnknownNationality) return true;
            var secondIsNationality = columns.Contains(second);
            var firstIsNationality = first is NrmLabels.Uk or NrmLabels.UnknownNationality || columns.Contains(first)
                || (!first.Contains(' ', StringComparison.Ordinal) && AdjectiveEndings.Any(e => first.EndsWith(e, StringComparison.Ordinal))
                    && first is not ("South" or "North" or "Central" or "Saudi" or "Sierra" or "Cape"));
            if (secondIsNationality && firstIsNationality && !IsKnownSingle(name)) return true;
        }
        return false;
    }

    // Single nationalities whose second word is itself a nationality column.
    static bool IsKnownSingle(string name) => name is "South Sudanese" or "South African" or "Central African" or "Equatorial Guinean";

    /// <summary>A single, known nationality: not a dual, not "Unknown".</summary>
    public static bool IsSingleKnown(string name, IReadOnlySet<string> columns) =>
        name is not (NrmLabels.UnknownNationality or NrmLabels.NotSpecified) && !IsDual(name, columns);
}
