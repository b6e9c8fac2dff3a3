namespace Insights.Cli;

static class Help
{
    public const string Text = """
        insights: modern slavery statistics for the "Current trends relating to modern slavery" section.

        Usage:
          insights context [options]      compute the national and district context and write the section
          insights notebook run <file>    run a notebook's C# cells (see insights notebook --help)
          insights --help                 this text

        With `dotnet run`: dotnet run --project src/Insights.Cli -- context [options]

        """;
}
