using Insights.Model;
using System.Globalization;

namespace Insights.Narrative;

/// <summary>Number and word formats of the statement's house style (British English, thousands separators).</summary>
public static class Wording
{
    /// <summary>en-GB formats with the culture's data pinned, so output does not depend on the machine's ICU.</summary>
    public static readonly CultureInfo Culture = CreateCulture();

    static CultureInfo CreateCulture()
    {
        var c = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        c.NumberFormat.NumberGroupSeparator = ",";
        c.NumberFormat.NumberDecimalSeparator = ".";
        c.NumberFormat.NumberGroupSizes = [3];
        return CultureInfo.ReadOnly(c);
    }

    /// <summary>"4,142".</summary>
    public static string Number(int n) => n.ToString("N0", Culture);

    static readonly string[] Words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>House style: whole numbers up to ten in words when they count things in prose ("three quarters"), larger in figures.</summary>
    public static string SmallNumber(int n) => n is >= 0 and <= 10 ? Words[n] : Number(n);

    /// <summary>
    /// "a" or "an" before a whole number as it is read aloud: an 8, an 11, an 18, an 80-89, an 800; a 1, a 32, a 110.
    /// Decided by the leading thousands group, which is what a reader says first ("an 11,000").
    /// </summary>
    public static string Article(long number)
    {
        var n = Math.Abs(number);
        while (n >= 1000) n /= 1000;
        var leading = n.ToString(CultureInfo.InvariantCulture);
        return leading[0] == '8' || n is 11 or 18 ? "an" : "a";
    }

    /// <summary>
    /// A change as a table cell says it: "7% increase", "22% decrease", "similar (0%)" when it rounds to 0% (the
    /// bulletin's word), "[x]" when there is no previous count to compare with. Whole percentages, as the bulletin.
    /// </summary>
    public static string Change(Breakdowns.Change change) => change.RoundedPercent(0) switch
    {
        null => "[x]",
        0m => "similar (0%)",
        > 0m and var p => $"{p.ToString("0", CultureInfo.InvariantCulture)}% increase",
        var p => $"{(-p.Value).ToString("0", CultureInfo.InvariantCulture)}% decrease",
    };

    /// <summary>A change in a sentence: "a 7% increase", "an 11% decrease"; null when it rounds to 0% ("similar").</summary>
    public static string? ChangePhrase(Breakdowns.Change change)
    {
        if (change.RoundedPercent(0) is not { } r || r == 0) return null;
        var whole = (long)Math.Abs(r);
        return $"{Article(whole)} {whole}% {(r > 0 ? "increase" : "decrease")}";
    }

    /// <summary>"A", "A and B", "A, B and C": names in a sentence (no serial comma, the statement's style).</summary>
    public static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count <= 1 ? string.Concat(all) : string.Join(", ", all[..^1]) + " and " + all[^1];
    }

    /// <summary>"Criminal (cannabis cultivation)" → "criminal-cannabis-cultivation": for fact ids and element ids.</summary>
    public static string Slug(string name) => Category.SpellingKey(name).Replace(' ', '-');
}
