using Insights.Outputs.Tables;
using Insights.Breakdowns;
using Insights.Model;
using Insights.Narrative;
using Insights.Sources;
using Insights.Sources.Nrm;
using Insights.Sources.Ods;

namespace Insights.Tests;

/// <summary>
/// Small workbooks built here, laid out as the published releases are (title rows above the header, outline
/// blanks, year only on annual rows), so each rule of the loader is checked on figures counted by hand.
/// </summary>
public sealed class NrmLayoutTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("insights-nrm-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    const string SeriesTitle = "Table 2: NRM referrals by year, quarter, age at exploitation and location of exploitation";

    // Per quarter k (0-based from 2022 Q1): adults 10+k overseas, 20+k UK, 1 both; children 5, 7+k, 0;
    // age unknown 1 overseas. So 2022 Q1 = 31 + 12 + 1 = 44, each later quarter 3 more (2023 Q1 = 56).
    static object?[] QuarterValues(int k)
    {
        int[] adult = [10 + k, 20 + k, 1, 0], child = [5, 7 + k, 0, 0], unknown = [1, 0, 0, 0];
        var values = new List<object?>();
        foreach (var age in new[] { adult, child, unknown }) { values.AddRange(age.Cast<object?>()); values.Add(age.Sum()); }
        values.Add(adult.Sum() + child.Sum() + unknown.Sum());
        return [.. values];
    }

    static object?[] Sum(IEnumerable<object?[]> rows) =>
        rows.Aggregate(new object?[16], (acc, r) => acc.Select((a, i) => (object?)((int)(a ?? 0) + (int)r[i]!)).ToArray());

    // Typed from the published layout (docs/nrm.md), not built from the reader's labels.
    static readonly string[] SeriesHeader =
    [
        "Year", "Quarter",
        "Adult (18 or over) Overseas", "Adult (18 or over) UK", "Adult (18 or over) UK and Overseas",
        "Adult (18 or over) Not specified or unknown", "Adult (18 or over) Total",
        "Child (17 or under) Overseas", "Child (17 or under) UK", "Child (17 or under) UK and Overseas",
        "Child (17 or under) Not specified or unknown", "Child (17 or under) Total",
        "Age not specified or unknown Overseas", "Age not specified or unknown UK", "Age not specified or unknown UK and Overseas",
        "Age not specified or unknown Not specified or unknown", "Age not specified or unknown Total",
        "Total",
    ];

    /// <summary>A Table_2 with 2022 (annual row and four quarters) and 2023 Q1 (no 2023 row, as in the Q1 2023 release).</summary>
    static Sheet Series(int titleRows, int firstColumn, Action<List<object?[]>>? edit = null)
    {
        var b = new SheetBuilder("Table_2");
        b.RowAt(firstColumn, SeriesTitle);
        for (var i = 1; i < titleRows; i++) b.RowAt(firstColumn, $"Description row {i}");
        var rows = new List<object?[]>();
        rows.Add([2022, null, .. Sum(Enumerable.Range(0, 4).Select(QuarterValues))]);
        for (var k = 0; k < 4; k++) rows.Add([null, $"Q{k + 1}", .. QuarterValues(k)]);
        rows.Add([null, "Q1", .. QuarterValues(4)]);
        edit?.Invoke(rows);
        b.RowAt(firstColumn, SeriesHeader);
        foreach (var r in rows) b.RowAt(firstColumn, r);
        return b.Build();
    }

    // Police table: Kent Police only, nationalities Albanian, UK and the dual "Albanian UK".
    internal static Sheet PoliceSheet(Action<List<object?[]>>? edit = null, int firstColumn = 0) => Police(edit, firstColumn);

    static Sheet Police(Action<List<object?[]>>? edit = null, int firstColumn = 0)
    {
        var rows = new List<object?[]>
        {
            new object?[] { "Police total", null, null, null, 3, 6, 1, 10 },
            new object?[] { "Kent Police", null, null, null, 3, 6, 1, 10 },
            new object?[] { null, "Criminal", null, null, 1, 5, 1, 7 },
            new object?[] { null, null, "Child (17 or under)", null, 0, 5, 1, 6 },
            new object?[] { null, null, null, "Male", 0, 4, 1, 5 },
            new object?[] { null, null, null, "Female", 0, 1, 0, 1 },
            new object?[] { null, null, "Adult (18 or over)", null, 1, 0, 0, 1 },
            new object?[] { null, null, null, "Male", 1, 0, 0, 1 },
            new object?[] { null, "Labour", null, null, 2, 1, 0, 3 },
            new object?[] { null, null, "Adult (18 or over)", null, 2, 1, 0, 3 },
            new object?[] { null, null, null, "Male", 2, 1, 0, 3 },
        };
        edit?.Invoke(rows);
        var b = new SheetBuilder("Table_9")
            .Row("Table 9: NRM referrals by police first responder, exploitation type, age at exploitation, gender and nationality")
            .Row("This worksheet contains one table.").Row("Source: Home Office").Row("Notes").Row("Some cells refer to notes.")
            .RowAt(firstColumn, "Police first responder", "Exploitation type", "Age at exploitation", "Gender", "Albanian", "UK", "Albanian UK", "Total");
        foreach (var r in rows) b.RowAt(firstColumn, r);
        return b.Build();
    }

    static Sheet Cover => new SheetBuilder("Cover").Row("NRM statistics, Quarter 1 2023 – January to March 2023").Build();

    string Write(string name, params Sheet[] sheets)
    {
        var path = Path.Combine(_folder, name);
        OdsWriter.Write(path, sheets);
        return path;
    }

    static NrmReleaseData Read(params Sheet[] sheets) => NrmLoader.ReadWorkbook(new Workbook("fixture.ods", sheets));

    static InputException Fails(params Sheet[] sheets) => Assert.Throws<InputException>(() => Read(sheets));

    // 2022 Q2-Q3 releases: 3 title rows and the table in column B; from 2022 Q4: 5 rows; wide series: 6 rows.
    [Theory]
    [InlineData(3, 1)]
    [InlineData(5, 0)]
    [InlineData(6, 0)]
    public void Series_is_found_below_3_5_or_6_title_rows_and_in_column_B(int titleRows, int firstColumn)
    {
        var sheet = Series(titleRows, firstColumn);
        var table = Assert.Single(NrmTableLocator.Locate(new Workbook("fixture.ods", [Cover, sheet])));
        Assert.Equal((NrmTableKind.QuarterlySeries, titleRows, firstColumn), (table.Kind, table.HeaderRow, table.FirstColumn));
        var release = Read(Cover, sheet);
        Assert.Equal(new Quarter(2023, 1), release.Release.Quarter);
        // The same through an ODS file, as the reader meets it.
        Assert.Equal(56, NrmLoader.Load([Write($"layout-{titleRows}.ods", Cover, sheet)]).Latest.SeriesTotal(new Quarter(2023, 1)));
        Assert.Equal(44, release.SeriesTotal(new Quarter(2022, 1)));
        Assert.Equal(56, release.SeriesTotal(new Quarter(2023, 1)));
    }

    // Naively filled down, the 2023 Q1 row would be a second "2022 Q1" (44 + 56 = 100).
    [Fact]
    public void Quarter_after_Q4_without_a_year_row_is_the_next_year_with_a_warning()
    {
        var release = Read(Series(5, 0));
        Assert.Equal(44, release.SeriesTotal(new Quarter(2022, 1)));
        var warning = Assert.Single(release.Warnings, w => w.Code != "nrm-no-first-responder-tables");
        Assert.Equal("nrm-series-year-fill-down", warning.Code);
        Assert.Contains("fixture.ods, sheet Table_2, row 12, column A", warning.Message);
    }

    [Fact]
    public void A_series_without_first_responder_tables_says_the_bullets_are_left_out()
    {
        var warning = Assert.Single(Read(Series(5, 0)).Warnings, w => w.Code == "nrm-no-first-responder-tables");
        Assert.Contains("fixture.ods: the referrals-by-quarter table was found but no first-responder table", warning.Message);
    }

    [Fact]
    public void An_empty_row_inside_the_series_is_an_error_not_the_end_of_the_table()
    {
        var e = Fails(Series(5, 0, rows => rows.Insert(3, [])));
        Assert.Contains("fixture.ods, sheet Table_2, row ", e.Message);
        Assert.Contains("an empty row inside the table (quarters continue on row ", e.Message);
    }

    [Fact]
    public void Duplicated_quarter_is_an_error_naming_the_row()
    {
        var e = Fails(Series(5, 0, rows => rows[2] = [null, "Q1", .. QuarterValues(1)]));
        Assert.Equal("fixture.ods, sheet Table_2, row 9, column B: duplicated quarter: 2022 Q1 appears twice", e.Message);
    }

    [Fact]
    public void Missing_quarter_is_an_error_naming_the_row()
    {
        var e = Fails(Series(5, 0, rows => rows.RemoveAt(2)));
        Assert.Contains("row 9, column B: quarters out of sequence: 2022 Q3 follows 2022 Q1 (expected 2022 Q2)", e.Message);
    }

    // The annual row is the sum of its quarters; one more adult overseas in 2022 Q2 breaks it in column C.
    [Fact]
    public void Annual_total_that_disagrees_with_its_quarters_names_the_cell()
    {
        var e = Fails(Series(5, 0, rows =>
        {
            rows[2][2] = (int)rows[2][2]! + 1;
            rows[2][6] = (int)rows[2][6]! + 1;
            rows[2][17] = (int)rows[2][17]! + 1;
        }));
        Assert.Equal("fixture.ods, sheet Table_2, row 7, column C: total 46 does not equal the sum of the 2022 quarters (47)", e.Message);
    }

    [Fact]
    public void Series_age_total_that_disagrees_with_its_locations_names_the_cell()
    {
        var e = Fails(Series(5, 0, rows => rows[1][6] = 32)); // 2022 Q1 adults: 10 + 20 + 1 + 0 = 31
        Assert.Contains("row 8, column G: total 32 does not equal the sum of the locations of 'Adult (18 or over)' (31)", e.Message);
    }

    [Fact]
    public void Outline_blanks_are_filled_down_and_subtotal_rows_marked()
    {
        var counts = Read(Cover, Police()).FirstResponder;
        var leaf = Assert.Single(counts, c => c.Responder == "Kent Police" && c.ExploitationType == NrmLayoutFixtures.Criminal && c.AgeGroup == "Child (17 or under)" && c.Gender == "Male" && c.Nationality == "UK");
        Assert.Equal(4, leaf.People);
        Assert.False(leaf.IsSubtotal);
        var criminal = Assert.Single(counts, c => c.Responder == "Kent Police" && c.ExploitationType == NrmLayoutFixtures.Criminal && c.AgeGroup.IsTotal && c.Gender.IsTotal && c.Nationality == "UK");
        Assert.Equal(5, criminal.People);
        Assert.True(criminal.IsSubtotal);
        // The "Police total" row is the responder type's total: its responder is the total, not a responder so named.
        var typeTotal = Assert.Single(counts, c => c.Responder.IsTotal && c.Nationality.IsTotal);
        Assert.Equal(10, typeTotal.People);
        Assert.All(counts, c => Assert.Equal("Police", c.ResponderType));
        Assert.DoesNotContain(counts, c => c.People == 0); // zeros are not tidy rows, as in the long files
    }

    [Fact]
    public void Row_total_that_disagrees_with_its_nationalities_names_the_cell()
    {
        var e = Fails(Cover, Police(rows => rows[4][7] = 6)); // Criminal, child, male: 0 + 4 + 1 = 5
        Assert.Contains("fixture.ods, sheet Table_9, row 11, column H: total 6 does not equal the sum of its", e.Message);
    }

    [Fact]
    public void Responder_subtotal_that_disagrees_with_its_exploitation_types_names_the_cell()
    {
        var e = Fails(Cover, Police(rows => { rows[1][5] = 7; rows[1][7] = 11; rows[0][5] = 7; rows[0][7] = 11; }));
        Assert.Contains("sheet Table_9, row 8, column F: total 7 does not equal the sum of its exploitation types (6)", e.Message);
    }

    // GSS shorthand is a missing count with its reason, never 0; sums that need it are not checked.
    [Fact]
    public void Shorthand_cell_is_missing_with_reason_not_zero()
    {
        var counts = Read(Cover, Police(rows => rows[5][5] = "[c]")).FirstResponder;
        var hidden = Assert.Single(counts, c => c.ExploitationType == NrmLayoutFixtures.Criminal && c.AgeGroup == "Child (17 or under)" && c.Gender == "Female" && c.Nationality == "UK");
        Assert.Null(hidden.People);
        Assert.Equal("confidential", hidden.MissingReason);
        var c = National.Compute(Read(Cover, Police(rows => rows[5][5] = "[x]")));
        Assert.Contains(c.Warnings.Select(NationalWording.Warning), w => w.Code == "nrm-missing-counts" && w.Message.StartsWith("1 count in", StringComparison.Ordinal));
    }

    [Fact]
    public void A_withheld_quarter_total_says_why_the_total_cannot_be_stated()
    {
        // Review finding: a [c] in the series' child total for the latest quarter read "no count of referrals".
        var release = Read(Series(5, 0, rows => rows[5][11] = "[c]"));
        var e = NationalWording.Error(Assert.Throws<InputProblemException>(() => National.Compute(release)).Problem);
        Assert.Contains("publishes the 2023 Q1 total for Child (17 or under) as shorthand (confidential), so the quarter's total cannot be stated", e.Message);
    }

    // Nationality shares count single nationalities: "Albanian UK" adds to neither Albanian nor UK.
    [Fact]
    public void Dual_nationals_are_not_added_into_either_nationality()
    {
        var c = National.Compute(Read(Cover, Police()));
        Assert.Equal([("UK", 6), ("Albanian", 3)], c.TopNationalities.Select(t => (t.Nationality, t.Share.Numerator)));
        Assert.Equal(10, c.Referrals); // no Table_2: the total comes from the first-responder table
    }

    [Theory]
    [InlineData("Albanian UK", true)]
    [InlineData("South Sudanese Sudanese", true)]
    [InlineData("Guatemalan Salvadorean", true)]
    [InlineData("Hong Konger UK", true)]
    [InlineData("South Sudanese", false)]
    [InlineData("Saudi Arabian", false)]
    [InlineData("Sierra Leonean", false)]
    [InlineData("Congolese (Drc)", false)]
    [InlineData("Citizen of the Dominican Republic", false)]
    public void Dual_nationality_is_told_from_single(string name, bool dual)
    {
        var columns = new HashSet<string>(["Albanian", "UK", "Sudanese", "South Sudanese", "Salvadorean", "Congolese (Drc)", "Arabian"]);
        Assert.Equal(dual, NrmNationality.IsDual(name, columns));
    }

    [Fact]
    public void Header_moved_below_the_search_rows_is_an_error_not_a_silent_skip()
    {
        var e = Fails(Series(NrmTableLocator.HeaderSearchRows + 2, 0));
        Assert.StartsWith("fixture.ods, sheet Table_2, row 1, column A: the title says this is the referrals by quarter, age and location table but no header row", e.Message);
    }

    [Fact]
    public void Workbook_without_an_nrm_table_is_an_error()
    {
        var e = Assert.Throws<InputException>(() => NrmLoader.Load([Write("cover-only.ods", Cover)]));
        Assert.Contains("cover-only.ods: no NRM table found", e.Message);
    }

    [Fact]
    public void File_that_is_neither_a_workbook_nor_text_is_an_error()
    {
        var path = Path.Combine(_folder, "tables.ods");
        File.WriteAllBytes(path, [0, 1, 2, 3, 0xFF, 0xFE, 0, 0, 7, 8]);
        var e = Assert.Throws<InputException>(() => NrmLoader.Load([path]));
        Assert.Contains("tables.ods", e.Message);
    }

    // Analysts re-save the ODS as XLSX: the same tables, read through the XLSX reader.
    [Fact]
    public void Workbook_resaved_as_xlsx_loads_the_same()
    {
        static (string, object?[][]) AsXlsx(Sheet s) => (s.Name, s.Rows.Select(r => r.Select(c =>
            c.Kind == CellKind.Number ? (object?)(int)c.Number!.Value : c.IsEmpty ? null : c.Text).ToArray()).ToArray());
        var path = Path.Combine(_folder, "resaved.ods"); // the name lies: the content decides
        XlsxTestFile.Write(path, AsXlsx(Cover), AsXlsx(Series(5, 0)), AsXlsx(Police()));
        var release = NrmLoader.Load([path]).Latest;
        Assert.Equal(56, release.SeriesTotal(new Quarter(2023, 1)));
        Assert.Equal(10, National.FirstResponderTotal(release.FirstResponder));
    }

    [Fact]
    public void Long_csv_is_recognised_by_its_header_whatever_its_name()
    {
        var path = Path.Combine(_folder, "export.txt");
        File.WriteAllText(path, "Year,Quarter,Age at exploitation,Location of exploitation,NRM referrals\n" +
            "2024,Q4,Adult (18 or over),UK,3\n2024,Q4,Adult (18 or over),Total,3\n" +
            "2025,Q1,Adult (18 or over),UK,4\n2025,Q1,Adult (18 or over),Total,4\n");
        var release = NrmLoader.Load([path]).Latest;
        Assert.Equal((new Quarter(2025, 1), 4, 3), (release.Release.Quarter, release.SeriesTotal(new Quarter(2025, 1))!.Value, release.SeriesTotal(new Quarter(2024, 4))!.Value));
    }

    // Issue 8: the long CSVs are read by the extract's CSV reader, so Excel's other ways of saving a CSV read the
    // same: "Unicode Text" (UTF-16 with a mark) and, on a continental Windows machine, Windows-1252 with semicolons.
    // A responder written with accents (é, 0xE9 in 1252, invalid as UTF-8) must arrive as the UTF-8 copy has it.
    [Theory]
    [InlineData("utf-16")]
    [InlineData("windows-1252;")]
    public void Long_csvs_saved_as_utf16_or_windows_1252_with_semicolons_read_as_the_utf8_ones(string saved)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var published = Insights.Pipeline.Samples.PathOf("nrm", "published");
        string[] names = ["nrm-referrals-by-quarter-2023-q4-release.csv", "nrm-first-responder-referrals-2023-q4.csv"];
        string Text(string name) => File.ReadAllText(Path.Combine(published, name))
            .Replace("Home Office - Immigration Enforcement IE", "Sécurité - Immigration Enforcement IE", StringComparison.Ordinal);
        var utf8 = names.Select(n => Path.Combine(_folder, "utf8-" + n)).ToArray();
        var other = names.Select(n => Path.Combine(_folder, "other-" + n)).ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            File.WriteAllText(utf8[i], Text(names[i]), new System.Text.UTF8Encoding(false));
            if (saved == "utf-16") File.WriteAllText(other[i], Text(names[i]), System.Text.Encoding.Unicode);
            else File.WriteAllLines(other[i], Insights.Sources.Csv.CsvReader.ReadFile(utf8[i])
                .Select(r => string.Join(';', r.Fields.Select(f => f.Contains(';', StringComparison.Ordinal) ? $"\"{f}\"" : f))), System.Text.Encoding.GetEncoding(1252));
        }
        var expected = NrmLoader.Load(utf8).Latest;
        var read = NrmLoader.Load(other).Latest;
        Assert.Contains(expected.FirstResponder, c => c.Responder.IsCategory && c.Responder.Category == "Sécurité - Immigration Enforcement IE");
        Assert.Equal(expected.Release, read.Release);
        Assert.Equal(expected.Series.Select(c => (c.Quarter, c.AgeGroup, c.Location, c.People)), read.Series.Select(c => (c.Quarter, c.AgeGroup, c.Location, c.People)));
        Assert.Equal(expected.FirstResponder.Select(c => (c.ResponderType, c.Responder, c.ExploitationType, c.AgeGroup, c.Gender, c.Nationality, c.People, c.MissingReason)),
            read.FirstResponder.Select(c => (c.ResponderType, c.Responder, c.ExploitationType, c.AgeGroup, c.Gender, c.Nationality, c.People, c.MissingReason)));
        Assert.Equal(4142, read.SeriesTotal(new Quarter(2023, 4)));
    }

    [Fact]
    public void Long_csv_with_a_repeated_quarter_is_an_error()
    {
        var path = Path.Combine(_folder, "series.csv");
        File.WriteAllText(path, "Year,Quarter,Age at exploitation,Location of exploitation,NRM referrals\n" +
            "2025,Q1,Adult (18 or over),UK,4\n2025,Q1,Adult (18 or over),UK,5\n");
        var e = Assert.Throws<InputException>(() => NrmLoader.Load([path]));
        Assert.Equal("series.csv, row 3: duplicated quarter: 2025 Q1 Adult (18 or over) UK appears again (first on row 2)", e.Message);
    }

    [Fact]
    public void Csv_with_another_header_is_an_error_naming_row_1()
    {
        var path = Path.Combine(_folder, "other.csv");
        File.WriteAllText(path, "a,b,c\n1,2,3\n");
        var e = Assert.Throws<InputException>(() => NrmLoader.Load([path]));
        Assert.StartsWith("other.csv, row 1: not an NRM long table", e.Message);
    }

    [Fact]
    public void Long_first_responder_csv_reads_shorthand_as_missing()
    {
        var path = Path.Combine(_folder, "fr-2025-q1.csv");
        // The header typed from the published layout (docs/nrm.md), so a change to the reader's constant breaks this test.
        File.WriteAllText(path, "First responder type,First responder,Exploitation type,Age at exploitation,Gender,Nationality,People\n" +
            "Police,Police total,Total,Total,Total,UK,[x]\nPolice,Police total,Total,Total,Total,Total,5\n");
        var counts = NrmLoader.Load([path]).Latest.FirstResponder;
        Assert.Equal("not available", Assert.Single(counts, c => c.Nationality == "UK").MissingReason);
    }

    // In 2025 a county table sits between Table_2 and the first-responder tables; it must not be mistaken for one.
    [Fact]
    public void County_table_is_not_taken_for_an_nrm_table()
    {
        var county = new SheetBuilder("Table_12").Row("Table 12: NRM referrals by UK county").Row().Row().Row().Row()
            .Row("County", "Referrals").Row("Kent", 12).Build();
        var release = Read(Cover, Series(6, 0), county, Police());
        Assert.Equal(56, release.SeriesTotal(new Quarter(2023, 1)));
        Assert.Equal(10, National.FirstResponderTotal(release.FirstResponder));
    }
}

public class NrmSeriesHeaderTests
{
    // The header text of the age-by-location columns is not fixed across releases: both orders and the usual
    // separators are read; "UK and Overseas" is not mistaken for "UK".
    [Theory]
    [InlineData("Adult (18 or over) Overseas", "Adult (18 or over)", "Overseas")]
    [InlineData("Adult (18 or over): UK and Overseas", "Adult (18 or over)", "UK and Overseas")]
    [InlineData("Child (17 or under) - UK", "Child (17 or under)", "UK")]
    [InlineData("UK and Overseas - Child (17 or under)", "Child (17 or under)", "UK and Overseas")]
    [InlineData("Age not specified or unknown Total", "Age not specified or unknown", null)]
    [InlineData("Total", null, null)]
    public void Series_column_headers_are_read_in_either_order(string header, string? age, string? location)
    {
        // null: the column is the total over that dimension.
        var column = Table2Reader.ParseColumn(header)!;
        Assert.Equal(age is null ? Breakdown<string>.Total : age, column.AgeGroup);
        Assert.Equal(location is null ? Breakdown<string>.Total : location, column.Location);
    }

    [Fact]
    public void Series_column_header_that_is_not_an_age_and_location_is_not_taken() =>
        Assert.Null(Table2Reader.ParseColumn("Adult (18 or over) Somewhere"));

    // A layout without Total columns still gives quarter totals: the sum of the ages' locations (3 + 4 = 7).
    [Fact]
    public void Series_without_total_columns_sums_its_locations()
    {
        var sheet = new SheetBuilder("Table_2").Row("Table 2: referrals").Row("Year", "Quarter", "Adult (18 or over) UK", "Child (17 or under) UK")
            .Row(2025, null, 3, 4).Row(null, "Q1", 3, 4).Build();
        var release = NrmLoader.ReadWorkbook(new Workbook("fixture.ods", [sheet]));
        Assert.Equal(7, release.SeriesTotal(new Quarter(2025, 1)));
    }
}

public sealed class NrmFirstResponderLayoutTests
{
    static Sheet Cover => new SheetBuilder("Cover").Row("NRM statistics, October to December 2022").Build();

    // The 2022 Q2-Q3 layout starts tables in column B; the outline reads the same.
    [Fact]
    public void First_responder_table_starting_in_column_B_reads_the_same()
    {
        var sheet = NrmLayoutFixtures.Police(firstColumn: 1);
        var release = NrmLoader.ReadWorkbook(new Workbook("fixture.ods", [Cover, sheet]));
        Assert.Equal(new Quarter(2022, 4), release.Release.Quarter); // from the cover sheet
        Assert.Equal(10, National.FirstResponderTotal(release.FirstResponder));
        Assert.Equal(4, Assert.Single(release.FirstResponder, c => c.ExploitationType == NrmLayoutFixtures.Criminal && c.AgeGroup == "Child (17 or under)" && c.Gender == "Male" && c.Nationality == "UK").People);
    }

    // A grand total row repeating the type total's labels would double every national figure.
    [Fact]
    public void Row_repeating_the_labels_of_an_earlier_row_is_an_error()
    {
        var sheet = NrmLayoutFixtures.Police(rows => rows.Add(["Total", null, null, null, 3, 6, 1, 10]));
        var e = Assert.Throws<InputException>(() => NrmLoader.ReadWorkbook(new Workbook("fixture.ods", [Cover, sheet])));
        Assert.Equal("fixture.ods, sheet Table_9, row 18, column A: this row repeats the labels of row 7 (Police total, Total, Total, Total)", e.Message);
    }
}

/// <summary>The published layout's words for totals and combinations, turned into typed dimensions by the readers.</summary>
public sealed class NrmLayoutWordsTests
{
    // Labels as published in the Q4 2023 first-responder tables.
    [Theory]
    [InlineData("Criminal", new[] { "Criminal" })]
    [InlineData("Organ Harvesting", new[] { "Organ Harvesting" })]
    [InlineData("Labour & Criminal", new[] { "Labour", "Criminal" })]
    [InlineData("Sexual, Labour & Criminal", new[] { "Sexual", "Labour", "Criminal" })]
    [InlineData("Labour, Domestic, Organ Harvesting", new[] { "Labour", "Domestic", "Organ Harvesting" })]
    [InlineData("Sexual, Labour, Domestic & Criminal", new[] { "Sexual", "Labour", "Domestic", "Criminal" })]
    [InlineData("Not specified or unknown", new string[0])]
    public void An_exploitation_label_is_read_as_the_types_it_combines(string label, string[] components)
    {
        var type = NrmLayoutWords.ExploitationType(label).Category;
        Assert.Equal(label, type.Label);
        Assert.Equal(components, type.Components);
    }

    [Theory]
    [InlineData("Total")]
    [InlineData("TOTAL")]
    public void Total_is_the_total_of_a_dimension(string label)
    {
        Assert.True(NrmLayoutWords.Dimension(label).IsTotal);
        Assert.True(NrmLayoutWords.ExploitationType(label).IsTotal);
        Assert.True(NrmLayoutWords.Responder(label).IsTotal);
    }

    [Fact]
    public void A_responder_type_s_total_row_is_the_responders_total_and_is_written_back_as_published()
    {
        var total = NrmLayoutWords.Responder("Police total");
        Assert.True(total.IsTotal);
        Assert.Equal("Police total", NrmLayoutWords.ResponderText("Police", total));
        Assert.Equal("Kent Police", NrmLayoutWords.ResponderText("Police", NrmLayoutWords.Responder("Kent Police")));
    }

    // A combination read from the long CSV: its components, and it is not described as a single type.
    [Fact]
    public void Long_first_responder_rows_carry_typed_totals_and_combinations()
    {
        using var file = new OdsFixture.TempFile(".csv", System.Text.Encoding.UTF8.GetBytes(
            "First responder type,First responder,Exploitation type,Age at exploitation,Gender,Nationality,People\n" +
            "Police,Police total,Total,Total,Total,Total,5\n" +
            "Police,Police total,Total,Total,Total,UK,5\n" +
            "Police,Kent Police,Total,Total,Total,Total,5\n" +
            "Police,Kent Police,\"Sexual, Labour & Criminal\",Total,Total,Total,5\n"));
        var counts = NrmLoader.Load([file.Path], new Quarter(2023, 4)).Latest.FirstResponder;
        var typeTotal = Assert.Single(counts, c => c.Responder.IsTotal && c.Nationality.IsTotal);
        Assert.Equal(5, typeTotal.People);
        var combined = Assert.Single(counts, c => c.ExploitationType.IsCategory).ExploitationType.Category;
        Assert.Equal(["Sexual", "Labour", "Criminal"], combined.Components);
    }
}

internal static class NrmLayoutFixtures
{
    public static Sheet Police(Action<List<object?[]>>? edit = null, int firstColumn = 0) => NrmLayoutTests.PoliceSheet(edit, firstColumn);

    public static readonly Breakdown<NrmExploitationType> Criminal = NrmExploitationType.OneType("Criminal");
}
