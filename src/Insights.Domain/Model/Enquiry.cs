namespace Insights.Model;

/// <summary>
/// A district of a police area, named as the area writes it ("Stockport"). Only an area makes one
/// (<see cref="PoliceArea.Find"/>, matching any case and spacing at the edge), so a district inside is always one of
/// its area's, canonical, and never a nationality or a free spelling. Prints as its name.
/// </summary>
public sealed record District
{
    internal District(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;

    /// <summary>The ten districts of Greater Manchester, the default <see cref="PoliceArea"/> (for notebooks written
    /// before other areas existed; code that serves any area uses <see cref="PoliceArea"/>).</summary>
    public static IReadOnlyList<string> GreaterManchester => PoliceArea.GreaterManchester.Districts;

    /// <summary>The Greater Manchester district of any case or spacing of its name ("  STOCKPORT "), or null.</summary>
    public static District? Canonical(string? text) => PoliceArea.GreaterManchester.Find(text);
}

/// <summary>
/// An exploitation type as the police extract's reader settled it (GMP's spelling of a listed type, or a type of
/// the extract's own, title-cased): one spelling per type inside, so a type is never a nationality or a variant.
/// </summary>
public sealed record ExploitationType
{
    ExploitationType(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;

    public const string UnknownName = "Unknown";

    /// <summary>Not logged.</summary>
    public static readonly ExploitationType Unknown = new(UnknownName);

    /// <summary>GMP's types, in the order ties are listed (the statement's order).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "Criminal exploitation", "Labour exploitation", "Sexual exploitation", "Criminal (cannabis cultivation)",
        "Domestic servitude", "Organ harvesting", UnknownName,
    ];

    /// <summary>The type of a settled spelling (the reader's, or one of <see cref="All"/>); blank is refused.</summary>
    public static ExploitationType Of(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name == UnknownName ? Unknown : new ExploitationType(name);
    }

    /// <summary>Ties keep GMP's list order (the statement lists Domestic servitude before Unknown); types outside the
    /// list come after the listed ones except Unknown, alphabetically.</summary>
    public int Rank
    {
        get
        {
            if (Name == UnknownName) return int.MaxValue;
            var i = All.ToList().IndexOf(Name);
            return i >= 0 ? i : All.Count;
        }
    }
}

/// <summary>
/// A nationality as the police extract's reader settled it ("British", "Albanian"). The police's "British" and the
/// NRM tables' "UK" are the same people under two names: <see cref="FromNrm"/> is that mapping, stated once.
/// </summary>
public sealed record Nationality
{
    Nationality(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;

    public const string BritishName = "British";

    public static readonly Nationality British = new(BritishName);

    public bool IsBritish => Name == BritishName;

    /// <summary>The nationality of a settled spelling; blank is refused (an unknown nationality is none).</summary>
    public static Nationality Of(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name == BritishName ? British : new Nationality(name);
    }

    /// <summary>An NRM nationality column as the police name it: "UK" is British; the others are as published.</summary>
    public static Nationality FromNrm(string column) => Of(column == NrmLabels.Uk ? BritishName : column);
}

public enum Gender { Unknown, Male, Female }

public enum AgeGroup { Unknown, Adult, UnderEighteen }

/// <summary>
/// The one label map of the age groups: the table and dashboard label, as the statistical tables head their
/// columns, and the short label of charts and notebook frames, where the group sits beside its count.
/// </summary>
public static class AgeGroups
{
    public const string UnknownLabel = "Unknown";

    /// <summary>"Adult (18 or over)", "Under 18", "Unknown".</summary>
    public static string Label(AgeGroup group) => group switch
    {
        AgeGroup.Adult => "Adult (18 or over)",
        AgeGroup.UnderEighteen => "Under 18",
        _ => UnknownLabel,
    };

    /// <summary>"Adult", "Under 18", "Unknown".</summary>
    public static string ShortLabel(AgeGroup group) => group switch
    {
        AgeGroup.Adult => "Adult",
        AgeGroup.UnderEighteen => "Under 18",
        _ => UnknownLabel,
    };
}

/// <summary>Matching of free-text categories regardless of case and spacing.</summary>
public static class Category
{
    /// <summary>"  Criminal   EXPLOITATION " → "criminal exploitation".</summary>
    public static string Key(string? text) => InputText.Key(text);

    /// <summary>
    /// "Criminal exploitation.", "criminal-exploitation" → "criminal exploitation": letters and digits only, the
    /// rest a separator. Two values with one spelling key are one category: fact ids are built from this key
    /// (<c>Wording.Slug</c>), so values that differ only in punctuation would otherwise collide.
    /// </summary>
    public static string SpellingKey(string? text) =>
        string.Join(' ', new string((text ?? "").ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Blank, "Unknown", "Not known", "Not recorded" and "N/A" all mean the value was not logged.</summary>
    public static bool IsNotLogged(string? text) =>
        Key(text) is "" or "unknown" or "not known" or "not recorded" or "n/a" or "na" or "not stated";
}

/// <summary>
/// One modern slavery enquiry logged by the police (GMP, or the force of another <see cref="PoliceArea"/>), one
/// alleged victim. Every field except the id and date may be unknown: <see cref="District"/> null means the
/// originating district was not logged; <see cref="Age"/> null means unknown; <see cref="Nationality"/> null means
/// unknown.
/// </summary>
public sealed record Enquiry(
    string Id,
    DateOnly DateLogged,
    string? District,
    string ExploitationType,
    int? Age,
    Gender Gender,
    string? Nationality)
{
    /// <summary>Adults are 18 or over; a child is under 18 (the NRM's and the statement's split).</summary>
    public AgeGroup AgeGroup => Age switch
    {
        null => AgeGroup.Unknown,
        >= 18 => AgeGroup.Adult,
        _ => AgeGroup.UnderEighteen,
    };

    public const string British = Model.Nationality.BritishName;
}
