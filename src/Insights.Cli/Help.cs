namespace Insights.Cli;

static class Help
{
    /// <summary>insights --help: the commands, then the context options (the job most people run).</summary>
    public const string Text = General + Context;

    const string General = """
        insights: modern slavery statistics for the "Current trends relating to modern slavery" section.

        Usage:
          insights context [options]      compute the national and district context and write the section
          insights notebook run <file>    run a notebook's C# cells (see insights notebook --help)
          insights forecast [options]     forecast national NRM referrals per quarter (see insights forecast --help)
          insights --help                 this text

        With `dotnet run`: dotnet run --project src/Insights.Cli -- context [options]

        """;

    public const string Context = """
        insights context: write the "Current trends relating to modern slavery" section and its facts.

        Usage: insights context [options]

        National context (Home Office NRM statistics; see docs/nrm.md):
          --nrm <file-or-folder>...
                                NRM releases: the published ODS workbook, the same saved as XLSX, or the long
                                CSVs (format judged from the content); several releases give the revision
                                history; needs --gmp too (with neither, the run is on the samples
                                and every output says SAMPLE DATA)
          --quarter <2025Q2>    the release quarter to report (default: the latest loaded); also the quarter
                                of a first-responder CSV whose file name does not say

        District context (police enquiry extracts in GMP's format; see docs/gmp-extract.md):
          --gmp <file>...       one or more extracts, .csv (UTF-8 or Windows-1252) or .xlsx; an XLSX sheet
                                other than the first is named after '#': extract.xlsx#Sheet2
                                needs --nrm too (samples never mix with your inputs)
          --columns <map.json>  header names of your file for the canonical columns:
                                {"columns": {"DateLogged": "Date Reported", "District": "Division"}}
          --area <area.json>    the police force and its districts, for an area other than Greater Manchester:
                                {"forceName": "West Yorkshire Police", "forceAbbreviation": "WYP",
                                 "areaName": "West Yorkshire", "areaAbbreviation": "West Yorkshire",
                                 "districts": ["Bradford", "Calderdale", "Kirklees", "Leeds", "Wakefield"]}
                                (default: Greater Manchester Police and the ten GM districts)
          --district <name>     a district of the area (default Stockport)
          --year <2024/25>      the financial year, April to March (default: the year containing the latest
                                date logged in the extract; a warning says if that year looks incomplete)
          --from <date> --to <date>
                                any other period instead of --year (yyyy-MM-dd or dd/MM/yyyy, inclusive);
                                "previous" then means the period of the same length just before it
          --top <n>             how many nationalities to name before "other nationalities" (default 3)

        Longer view (only when given; see docs/trends.md):
          --national-year <2023 | 2023/24>
                                the national context for a calendar or financial year instead of the quarter
                                (total as the sum of its quarters in the latest release that holds them)
          --nrm-area <name>     add the local NRM paragraph and chart for a county or police force area of the
                                releases' referrals-by-county table (from 2025), e.g. "Greater Manchester"
          --district-trend      add the district's and the area's enquiries by financial year and month to the
                                report (charts, tables, facts)
          --forecast            add the national forecast [f] (chart, back-test, nrm-forecast/ Parquet) to the
                                report; the section text is unchanged
          --with-forecast       the same, and a forecast sentence in the section text
          --horizon <n>         quarters to forecast, 1 to 8 (default 4)

        Output:
          --out <folder>        output folder (default out): current-trends.md/.docx/.html, report.html,
                                facts.json, warnings.txt and the Parquet tables (nrm-referrals/,
                                gmp-enquiries/); written all at once, so a failed run leaves the
                                folder as it was
          --templates <folder>  the wording templates (*.sbn; default: templates/ beside the program)
          --publish             dashboard.html for publication: police counts under 5, and those that would
                                reveal them, are withheld as [c] in every number the file holds (default: exact
                                counts, marked OFFICIAL-SENSITIVE: do not publish)

        Warnings (unknown categories with counts, a year that looks incomplete) go to stderr, one a line, and
        to warnings.txt. Exit codes: 0 done, 2 bad input (the message names file, sheet, row and column),
        64 bad usage.

        """;
}
