using System.Text;
using Insights.Model;
using Insights.Sources;
using Insights.Sources.Gmp;

namespace Insights.Tests;

public sealed class GmpExtractTests : IDisposable
{
    const string Header = "EnquiryId,DateLogged,District,ExploitationType,Age,Gender,Nationality";
    readonly string _folder = Directory.CreateTempSubdirectory("insights-gmp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    string Csv(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Reads_a_canonical_csv_into_enquiries()
    {
        var path = Csv("x.csv", Header + "\nSYN-1,05/04/2024,Stockport,Labour exploitation,34,Male,Indian\n");
        var e = Assert.Single(GmpExtractReader.Read(path).Enquiries);
        Assert.Equal(new Enquiry("SYN-1", new DateOnly(2024, 4, 5), "Stockport", "Labour exploitation", 34, Gender.Male, "Indian"), e);
    }

    [Fact]
    public void Both_uk_date_formats_give_the_same_day()
    {
        // dd/MM/yyyy must never be read as US MM/dd: 05/04/2024 is 5 April.
        var path = Csv("d.csv", Header + "\nA,05/04/2024,Bury,Unknown,,,\nB,2024-04-05,Bury,Unknown,,,\nC,5/4/2024 00:00,Bury,Unknown,,,\n");
        Assert.All(GmpExtractReader.Read(path).Enquiries, e => Assert.Equal(new DateOnly(2024, 4, 5), e.DateLogged));
    }

    [Fact]
    public void Case_and_spacing_variants_are_normalised()
    {
        var path = Csv("n.csv", Header +
            "\nA,2024-04-05,\"  STOCKPORT \",criminal   EXPLOITATION,17,m,\" british\"" +
            "\nB,2024-04-05,not recorded,CRIMINAL (CANNABIS CULTIVATION),,FEMALE,sri lankan\n");
        var read = GmpExtractReader.Read(path);
        Assert.Empty(read.Warnings);
        var (a, b) = (read.Enquiries[0], read.Enquiries[1]);
        Assert.Equal(("Stockport", "Criminal exploitation", Gender.Male, "British", AgeGroup.UnderEighteen),
            (a.District, a.ExploitationType, a.Gender, a.Nationality, a.AgeGroup));
        Assert.Equal((null, "Criminal (cannabis cultivation)", Gender.Female, "Sri Lankan", AgeGroup.Unknown),
            (b.District, b.ExploitationType, b.Gender, b.Nationality, b.AgeGroup));
    }

    [Theory]
    [InlineData(17, AgeGroup.UnderEighteen)] // the last child age
    [InlineData(18, AgeGroup.Adult)]         // 18 is adult: the statement's "adult (18+)"
    [InlineData(0, AgeGroup.UnderEighteen)]
    public void Age_groups_split_at_18(int age, AgeGroup expected) =>
        Assert.Equal(expected, new Enquiry("x", default, null, "Unknown", age, Gender.Male, null).AgeGroup);

    [Fact]
    public void Windows_1252_csv_keeps_accented_names()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // for the test's own writing
        var path = Csv("w.csv", Header + "\nA,2024-04-05,Wigan,Unknown,,,Ivoirien ÉTRANGER\n", Encoding.GetEncoding(1252));
        Assert.Equal("Ivoirien Étranger", GmpExtractReader.Read(path).Enquiries[0].Nationality);
    }

    [Fact]
    public void Utf8_bom_csv_finds_the_first_header()
    {
        // Without BOM handling the first header would be "\uFEFFEnquiryId" and the column "missing".
        var path = Csv("b.csv", Header + "\nA,2024-04-05,Wigan,Unknown,,,\n", new UTF8Encoding(true));
        Assert.Single(GmpExtractReader.Read(path).Enquiries);
    }

    [Fact]
    public void A_column_map_names_the_headers_of_the_file()
    {
        var path = Csv("m.csv", "Ref,Date Reported,Division,Type,Victim Age,Sex,Nationality\nA,2024-04-05,Oldham,Unknown,40,Female,Polish\n");
        var map = Csv("map.json", """{"columns": {"EnquiryId": "Ref", "DateLogged": "date reported", "District": "Division", "ExploitationType": "Type", "Age": "Victim Age", "Gender": "Sex"}}""");
        var e = Assert.Single(GmpExtractReader.Read(path, ColumnMap.Load(map)).Enquiries);
        Assert.Equal(("Oldham", 40, Gender.Female), (e.District, e.Age, e.Gender));
    }

    [Fact]
    public void A_column_map_naming_an_unknown_canonical_column_is_an_error()
    {
        var map = Csv("map.json", """{"columns": {"Borough": "Division"}}""");
        var e = Assert.Throws<InputException>(() => ColumnMap.Load(map));
        Assert.Contains("'Borough' is not a column", e.Message);
    }

    [Fact]
    public void Xlsx_with_excel_dates_numbers_and_a_named_sheet()
    {
        var path = Path.Combine(_folder, "e.xlsx");
        XlsxTestFile.Write(path,
            ("Notes", [["This sheet is not the data"]]),
            ("Enquiries", [
                ["EnquiryId", "DateLogged", "District", "ExploitationType", "Age", "Gender", "Nationality"],
                ["A", new DateOnly(2025, 3, 31), "Trafford", "Sexual exploitation", 16, "Female", "British"],
                ["B", 45383, "Trafford", "Unknown", null, null, null], // a serial in a General-format cell: 1 April 2024
                ["C", "01/04/2024", "Trafford", "Unknown", "17", "Male", "Unknown"],
            ]));
        var read = GmpExtractReader.Read(path + "#enquiries");
        Assert.Equal([new DateOnly(2025, 3, 31), new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 1)], read.Enquiries.Select(e => e.DateLogged));
        Assert.Equal([16, null, 17], read.Enquiries.Select(e => e.Age));
    }

    [Fact]
    public void Xlsx_reads_the_first_sheet_by_default_and_names_the_sheet_in_errors()
    {
        var path = Path.Combine(_folder, "f.xlsx");
        XlsxTestFile.Write(path, ("Data", [
            ["EnquiryId", "DateLogged", "District", "ExploitationType", "Age", "Gender", "Nationality"],
            ["A", "not a date", "Bury", "Unknown", null, null, null],
        ]));
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path));
        Assert.Equal(new SourceLocation(path, "Data", 2, "B (DateLogged)"), e.Location);
    }

    [Fact]
    public void Unknown_categories_are_kept_and_reported_with_counts()
    {
        var path = Csv("u.csv", Header +
            "\nA,2024-04-05,Bury,Forced begging,,Non-binary,\nB,2024-04-05,Bury,FORCED BEGGING,,,\nC,2024-04-05,Bury,Financial,,,\n" +
            // Known values in most rows: a column of mostly unknown values means a wrong column map (an error).
            "D,2024-04-05,Bury,Labour exploitation,,Male,\nE,2024-04-05,Bury,Labour exploitation,,Male,\n" +
            "F,2024-04-05,Bury,Labour exploitation,,Female,\nG,2024-04-05,Bury,Labour exploitation,,Female,\n");
        var read = GmpExtractReader.Read(path);
        Assert.Equal(["Forced begging", "Forced begging", "Financial"], read.Enquiries.Take(3).Select(e => e.ExploitationType));
        var types = Assert.Single(read.Warnings, w => w.Code == "gmp-unknown-exploitation-type");
        Assert.EndsWith("'Forced begging' (2), 'Financial' (1)", types.Message);
        var genders = Assert.Single(read.Warnings, w => w.Code == "gmp-unknown-gender");
        Assert.EndsWith("'Non-binary' (1)", genders.Message);
        Assert.Equal(Gender.Unknown, read.Enquiries[0].Gender);
    }

    [Fact]
    public void Missing_file_is_an_error_naming_it() =>
        Assert.Contains("nowhere.csv: file not found",
            Assert.Throws<InputException>(() => GmpExtractReader.Read(Path.Combine(_folder, "nowhere.csv"))).Message);

    [Fact]
    public void Missing_column_names_file_header_row_and_column()
    {
        var path = Csv("c.csv", "EnquiryId,DateLogged,District,ExploitationType,Gender,Nationality\n");
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path));
        Assert.Equal("c.csv, row 1, column Age: column 'Age' not found in the header row (name it in a column map with --columns if your file calls it something else)", e.Message);
    }

    static readonly Enquiry Expected = new("SYN-1", new DateOnly(2024, 4, 5), "Stockport", "Criminal exploitation", 34, Gender.Male, "Sri Lankan");

    [Theory]
    // Continental Excel's "CSV", LibreOffice's with every text quoted, Excel's "Text (tab delimited)".
    [InlineData("EnquiryId;DateLogged;District;ExploitationType;Age;Gender;Nationality\nSYN-1;05/04/2024;Stockport;Criminal exploitation;34;Male;Sri Lankan\n")]
    [InlineData("\"EnquiryId\";\"DateLogged\";\"District\";\"ExploitationType\";\"Age\";\"Gender\";\"Nationality\"\n\"SYN-1\";05/04/2024;\"Stockport\";\"Criminal exploitation\";34;\"Male\";\"Sri Lankan\"\n")]
    [InlineData("EnquiryId\tDateLogged\tDistrict\tExploitationType\tAge\tGender\tNationality\r\nSYN-1\t05/04/2024\tStockport\tCriminal exploitation\t34\tMale\tSri Lankan\r\n")]
    [InlineData("\"EnquiryId\",\"DateLogged\",\"District\",\"ExploitationType\",\"Age\",\"Gender\",\"Nationality\"\n\"SYN-1\",\"05/04/2024\",\"Stockport\",\"Criminal exploitation\",\"34\",\"Male\",\"Sri Lankan\"\n")]
    public void Semicolon_tab_and_quoted_csv_are_read(string text) =>
        Assert.Equal(Expected, Assert.Single(GmpExtractReader.Read(Csv("x.csv", text)).Enquiries));

    public static TheoryData<string> Encodings() => new("utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "utf-16le", "utf-16be", "windows-1252");

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Every_encoding_Excel_and_exports_write_is_read(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Header + "\nSYN-1,05/04/2024,Stockport,Criminal exploitation,34,Male,Sri Lankan\nSYN-2,06/04/2024,Bury,Labour exploitation,40,Female,Zoë\n";
        Encoding encoding = name switch
        {
            "utf-8" => new UTF8Encoding(false), "utf-8-bom" => new UTF8Encoding(true),
            "utf-16le-bom" or "utf-16le" => new UnicodeEncoding(false, name.EndsWith("bom", StringComparison.Ordinal)),
            "utf-16be-bom" or "utf-16be" => new UnicodeEncoding(true, name.EndsWith("bom", StringComparison.Ordinal)),
            _ => Encoding.GetEncoding(1252),
        };
        var enquiries = GmpExtractReader.Read(Csv("x.csv", text, encoding)).Enquiries;
        Assert.Equal(Expected, enquiries[0]);
        Assert.Equal("Zoë", enquiries[1].Nationality);
    }

    [Fact]
    public void An_extract_saved_as_ods_is_read_from_its_named_sheet()
    {
        static string Row(params string[] cells) =>
            "<table:table-row>" + string.Concat(cells.Select(c => $"<table:table-cell office:value-type=\"string\"><text:p>{c}</text:p></table:table-cell>")) + "</table:table-row>";
        var content = OdsFixture.Content(OdsFixture.Table("Notes", Row("About")) + OdsFixture.Table("Enquiries",
            Row(Header.Split(',')) + Row("SYN-1", "05/04/2024", "Stockport", "Criminal exploitation", "34", "Male", "Sri Lankan")));
        var path = Path.Combine(_folder, "extract.ods");
        File.WriteAllBytes(path, OdsFixture.Zip(content));
        Assert.Equal(Expected, Assert.Single(GmpExtractReader.Read(path + "#Enquiries").Enquiries));
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path));
        Assert.Contains("no sheet was named, so the first sheet, Notes, was read; the workbook also has Enquiries: name the extract's sheet as extract.ods#Sheet", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invisible_characters_in_headers_and_values_are_folded()
    {
        var text = "\u00A0EnquiryId,DateLogged\u200B,\"District\n\",ExploitationType\u00A0,Age\u2028,Gender,Nationality\n" +
                   "SYN-1,05/04/2024,Stock\u200Bport,Criminal\u00A0exploitation,34,\u202EMale,\"Sri\nLankan\"\n";
        Assert.Equal(Expected, Assert.Single(GmpExtractReader.Read(Csv("x.csv", text)).Enquiries));
    }

    [Theory]
    [InlineData("A,31/02/2024,Bury,Unknown,20,,", 2, "B (DateLogged)", "not a date")]     // no 31 February
    [InlineData("A,04-05-2024,Bury,Unknown,20,,", 2, "B (DateLogged)", "not a date")]     // ambiguous dashes: refused
    [InlineData("A,2024-04-05,Bury,Unknown,twenty,,", 2, "E (Age)", "not an age")]
    [InlineData("A,2024-04-05,Bury,Unknown,17.5,,", 2, "E (Age)", "not an age")]
    [InlineData("A,2024-04-05,Bury,Unknown,,,\nB,2024-04-05,Stockprot,Unknown,,,", 3, "C (District)", "'Stockprot' is not a Greater Manchester district")]
    [InlineData("A,2024-04-05,Cheshire East,Unknown,,,", 2, "C (District)", "is not a Greater Manchester district")]
    public void Bad_values_name_file_row_and_column(string rows, int row, string column, string problem)
    {
        var path = Csv("bad.csv", Header + "\n" + rows + "\n");
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path));
        Assert.Equal(new SourceLocation(path, null, row, column), e.Location);
        Assert.Contains(problem, e.Message);
        Assert.StartsWith($"bad.csv, row {row}, column {column}: ", e.Message);
    }

    [Fact]
    public void Error_messages_never_echo_a_persons_date_or_age()
    {
        // Personal data rule: only the row number and column may identify the cell.
        var path = Csv("p.csv", Header + "\nSYN-777,2024-04-05,Bury,Unknown,1234,,\n");
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path));
        Assert.DoesNotContain("1234", e.Message);
        Assert.DoesNotContain("SYN-777", e.Message);
        Assert.DoesNotContain("2024-04-05", e.Message);
    }

    string MapFile(string json) => Csv("map.json", json);

    [Fact]
    public void Column_map_pointing_ExploitationType_at_Age_is_an_error_not_ages_as_categories()
    {
        // A review found ages turned into exploitation types in the section, facts, warnings and Parquet, exit 0.
        var path = Csv("ages.csv", Header + "\nA,2024-04-05,Bury,Unknown,34,Male,British\nB,2024-04-06,Bury,Unknown,17,Male,British\n");
        var map = ColumnMap.Load(MapFile("""{"columns":{"ExploitationType":"Age"}}"""));
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path, map));
        Assert.Equal("ages.csv, row 1, column E (ExploitationType): 2 of the 2 non-blank values are numbers, dates or other values with digits, not ExploitationType values: the column map (--columns) probably names the wrong column for ExploitationType", e.Message);
    }

    [Fact]
    public void Column_map_pointing_District_at_DateLogged_never_echoes_a_persons_date()
    {
        var path = Csv("dates.csv", Header + "\nA,2023-04-01,Bury,Unknown,34,Male,British\n");
        var map = ColumnMap.Load(MapFile("""{"columns":{"District":"DateLogged"}}"""));
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path, map));
        Assert.DoesNotContain("2023", e.Message);
        Assert.Contains("column B (District): 1 of the 1 non-blank values are numbers, dates or other values with digits", e.Message);
    }

    [Fact]
    public void Column_map_pointing_Gender_at_Nationality_is_an_error_not_genders_unknown()
    {
        var path = Csv("g.csv", Header + "\nA,2023-04-01,Bury,Unknown,34,Male,British\nB,2023-04-01,Bury,Unknown,34,Female,Polish\n");
        var map = ColumnMap.Load(MapFile("""{"columns":{"Gender":"Nationality"}}"""));
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path, map));
        Assert.Contains("column G (Gender): 2 of the 2 non-blank values are not known Gender values", e.Message);
        Assert.DoesNotContain("British", e.Message);
    }

    [Theory]
    [InlineData("34", "E (Nationality)", "a number where a nationality was expected")]
    [InlineData("05/04/2009", "E (Nationality)", "a date where a nationality was expected")]
    public void A_lone_number_or_date_in_a_category_column_is_an_error_without_the_value(string value, string _, string problem)
    {
        // Most rows are fine, so the column is right; the one number may still be a person's age or birth date.
        var rows = string.Concat(Enumerable.Range(1, 4).Select(i => $"\nR{i},2024-04-05,Bury,Unknown,30,Male,British"));
        var path = Csv("one.csv", Header + rows + $"\nX,2024-04-05,Bury,Unknown,30,Male,{value}\n");
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path));
        Assert.Equal($"one.csv, row 6, column G (Nationality): {problem} (check the extract, or the column map if --columns names this column)", e.Message);
        Assert.DoesNotContain(value, e.Message);
    }

    [Fact]
    public void Column_map_pointing_Nationality_at_EnquiryId_is_an_error_not_ids_as_nationalities()
    {
        // Nationality has no fixed list, so only the digits give ids away; no nationality holds a digit.
        var path = Csv("ids.csv", Header + "\nSYN-1,2024-04-05,Bury,Unknown,34,Male,British\nSYN-2,2024-04-06,Bury,Unknown,17,Male,British\n");
        var map = ColumnMap.Load(MapFile("""{"columns":{"Nationality":"EnquiryId"}}"""));
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path, map));
        Assert.Equal("ids.csv, row 1, column A (Nationality): 2 of the 2 non-blank values are numbers, dates or other values with digits, not Nationality values: the column map (--columns) probably names the wrong column for Nationality", e.Message);
    }

    [Fact]
    public void An_unknown_district_holding_digits_is_not_echoed()
    {
        var rows = string.Concat(Enumerable.Range(1, 4).Select(i => $"\nR{i},2024-04-05,Bury,Unknown,30,Male,British"));
        var path = Csv("d.csv", Header + rows + "\nX,2024-04-05,Flat 12 Bury,Unknown,30,Male,British\n");
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path));
        Assert.Contains("column C (District): a value containing digits where a district was expected", e.Message);
        Assert.DoesNotContain("12", e.Message);
    }

    [Fact]
    public void Ragged_csv_row_is_an_error_not_a_shifted_percentage()
    {
        // A review found a 5-field row read with its values shifted (a district in the type column...), exit 0.
        var path = Csv("r.csv", Header + "\nA,2024-04-05,Bury,Unknown,30,Male,British\nB,2024-04-05,Unknown,30,Male\n");
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path));
        Assert.Equal("r.csv, row 3: 5 fields, the header (row 1) has 7 (a missing or extra comma would shift the values after it into the wrong columns)", e.Message);
    }

    [Fact]
    public void Xlsx_row_without_its_trailing_empty_cells_is_read()
    {
        // XLSX stores no empty cells at a row's end: a short row there is not ragged, only blank at the end.
        var path = Path.Combine(_folder, "short.xlsx");
        XlsxTestFile.Write(path, ("Enquiries", [
            ["EnquiryId", "DateLogged", "District", "ExploitationType", "Age", "Gender", "Nationality"],
            ["A", "01/04/2024", "Trafford", "Unknown"],
        ]));
        var e = Assert.Single(GmpExtractReader.Read(path).Enquiries);
        Assert.Equal(("Trafford", (int?)null, (string?)null), (e.District, e.Age, e.Nationality));
    }

    [Fact]
    public void Csv_row_of_only_commas_is_a_blank_row_not_a_ragged_one()
    {
        var path = Csv("b.csv", Header + "\nA,2024-04-05,Bury,Unknown,30,Male,British\n,,\n");
        Assert.Single(GmpExtractReader.Read(path).Enquiries);
    }

    [Fact]
    public void A_date_after_the_run_is_an_error_naming_row_and_column_only()
    {
        var path = Csv("f.csv", Header + "\nA,2024-04-05,Bury,Unknown,,,\nB,2024-04-06,Bury,Unknown,,,\n");
        Assert.Equal(2, GmpExtractReader.Read(path, today: new DateOnly(2024, 4, 6)).Enquiries.Count); // today itself is fine
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path, today: new DateOnly(2024, 4, 5)));
        Assert.Equal("f.csv, row 3, column B (DateLogged): a date after the date of this run (2024-04-05): a mistyped year? (the value is not shown)", e.Message);
    }

    [Fact]
    public void UK_and_the_home_nations_count_as_British_with_a_warning()
    {
        // A review found "UK" and "English" counted apart from British, lowering the British children figures.
        var path = Csv("n.csv", Header + "\nA,2024-04-05,Bury,Unknown,,,uk\nB,2024-04-05,Bury,Unknown,,,United  Kingdom\n" +
            "C,2024-04-05,Bury,Unknown,,,English\nD,2024-04-05,Bury,Unknown,,,GB\nE,2024-04-05,Bury,Unknown,,,British\n" +
            "F,2024-04-05,Bury,Unknown,,,Irish\nG,2024-04-05,Bury,Unknown,,,UK\n");
        var read = GmpExtractReader.Read(path);
        Assert.Equal(["British", "British", "British", "British", "British", "Irish", "British"], read.Enquiries.Select(e => e.Nationality));
        var w = Assert.Single(read.Warnings);
        Assert.Equal("n.csv: 5 Nationality values counted as British: 'UK' (2), 'English' (1), 'GB' (1), 'United Kingdom' (1)", w.Message);
    }

    [Fact]
    public void The_frame_is_a_view_of_the_same_records()
    {
        var read = GmpExtractReader.Read(Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"));
        var frame = read.ToFrame();
        Assert.Equal(read.Enquiries.Count, frame.RowCount);
        Assert.Equal(["EnquiryId", "DateLogged", "District", "ExploitationType", "Age", "Gender", "Nationality", "AgeGroup"], frame.ColumnKeys);
        var district = frame.GetColumn<string>("District");
        // Not-logged districts are missing values in the frame, as analysts expect.
        Assert.Equal(read.Enquiries.Count(e => e.District is not null), district.ValueCount);
        Assert.Equal(read.Enquiries.Count(e => e.District == "Stockport"), district.Values.Count(d => d == "Stockport"));
    }

    [Fact]
    public void Duplicate_ids_are_counted_in_a_warning_without_naming_them()
    {
        var a = Csv("a.csv", Header + "\nSYN-1,2024-04-05,Bury,Unknown,,,\n");
        var b = Csv("b2.csv", Header + "\nSYN-1,2024-04-06,Bury,Unknown,,,\n");
        var read = GmpExtractReader.Read([a, b]);
        Assert.Equal(2, read.Enquiries.Count);
        var w = Assert.Single(read.Warnings);
        Assert.StartsWith("1 EnquiryId value appears more than once", w.Message);
        Assert.DoesNotContain("SYN-1", w.Message);
    }

    [Fact]
    public void Overlapping_extracts_count_a_repeated_enquiry_once()
    {
        // A review found `--gmp S S` printing 72 enquiries for 36: the same rows in two files are one enquiry each.
        var rows = Header + "\nSYN-1,2024-04-05,Bury,Unknown,30,Male,British\nSYN-2,2024-04-06,Bury,Unknown,,,\n";
        var a = Csv("a.csv", rows);
        var b = Csv("b.csv", rows + "SYN-3,2024-04-07,Bury,Unknown,,,\nSYN-3,2024-04-07,Bury,Unknown,,,\n");
        var read = GmpExtractReader.Read([a, b]);
        Assert.Equal(["SYN-1", "SYN-2", "SYN-3"], read.Enquiries.Select(e => e.Id));
        var w = Assert.Single(read.Warnings);
        Assert.Equal("3 rows repeat an earlier row in every column across a.csv, b.csv (overlapping extracts?); each enquiry is counted once", w.Message);
    }

    [Theory]
    [InlineData("book.xlsx#Sheet2", "book.xlsx", "Sheet2")]
    [InlineData("book.XLSX#Enquiries #2", "book.XLSX", "Enquiries #2")] // a '#' in the sheet name stays there
    [InlineData("book.xlsx", "book.xlsx", null)]
    [InlineData("notes#1.csv", "notes#1.csv", null)]                   // only XLSX files have sheets
    public void Sheet_is_named_after_a_hash(string given, string file, string? sheet) =>
        Assert.Equal((file, sheet), GmpExtractReader.SplitSheet(given));
}

public sealed class GmpDateOrderTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("insights-gmp-dates-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    string Csv(params string[] dates)
    {
        var path = Path.Combine(_folder, "x.csv");
        File.WriteAllText(path, "EnquiryId,DateLogged,District,ExploitationType,Age,Gender,Nationality\n" +
            string.Concat(dates.Select((d, i) => $"A{i},{d},Bury,Unknown,30,Male,British\n")));
        return path;
    }

    [Fact]
    public void Month_first_dates_are_read_as_such_when_asked()
    {
        var enquiries = GmpExtractReader.Read(Csv("05/04/2024", "04/25/2024"), dateOrder: DateOrder.MonthFirst).Enquiries;
        Assert.Equal([new DateOnly(2024, 5, 4), new DateOnly(2024, 4, 25)], enquiries.Select(e => e.DateLogged));
    }

    [Fact]
    public void Day_first_dates_with_no_day_over_12_are_read_day_first()
    {
        var enquiries = GmpExtractReader.Read(Csv("05/04/2024", "12/01/2025")).Enquiries;
        Assert.Equal([new DateOnly(2024, 4, 5), new DateOnly(2025, 1, 12)], enquiries.Select(e => e.DateLogged));
    }

    [Fact]
    public void A_month_first_date_stops_the_run_at_its_row_without_the_value()
    {
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(Csv("05/04/2024", "04/25/2024")));
        Assert.StartsWith("x.csv, row 3, column B (DateLogged): a date written month first", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("04/25", e.Message, StringComparison.Ordinal);
    }

    // Issue 14: the reader fills columns of codes in one pass and the records are a view made afterwards (ids read
    // again). Both must describe the same enquiries: every district's context and comparison, both years, agree.
    [Fact]
    public void Columns_and_records_of_the_sample_extract_give_the_same_district_contexts()
    {
        var extract = GmpExtractReader.Read(Insights.Pipeline.Samples.PathOf("gmp", Insights.Tests.Samples.SyntheticGmpExtract.FileName));
        Assert.Equal(extract.Columns.Count, extract.Enquiries.Count);
        Assert.Equal(extract.Enquiries.Count, extract.Enquiries.Select(e => e.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var year in new[] { new FinancialYear(2023), new FinancialYear(2024) })
        {
            Assert.Equal(Insights.Breakdowns.DistrictComparison.CountsByDistrict(extract.Enquiries, year.Period),
                Insights.Breakdowns.DistrictComparison.CountsByDistrict(extract.Columns, year.Period));
            foreach (var district in PoliceArea.GreaterManchester.Districts)
                Assert.Equivalent(Insights.Breakdowns.DistrictBreakdown.Compute(extract.Enquiries, district, year.Period),
                    Insights.Breakdowns.DistrictBreakdown.Compute(extract.Columns, PoliceArea.GreaterManchester.Of(district), year.Period), strict: true);
        }
    }
}
