using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Insights.Tests.Dashboard;

/// <summary>
/// One headless Debian Chromium, driven by chromium-driver, shared by a test class (starting one costs seconds).
/// Both are found on PATH or in /usr/bin; .ci/run installs them when missing.
/// </summary>
public sealed class Browser : IDisposable
{
    public ChromeDriver Driver { get; }

    public Browser()
    {
        var chromium = Find("chromium", "chromium-browser")
            ?? throw new InvalidOperationException("Debian's chromium is not installed (apt-get install chromium chromium-driver; .ci/run does it)");
        var driver = Find("chromedriver")
            ?? throw new InvalidOperationException("chromium-driver is not installed (apt-get install chromium-driver; .ci/run does it)");
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--window-size=1400,1000", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(20);
    }

    /// <summary>Opens a file from disk and waits until the dashboard's script has drawn the first page.</summary>
    public void Open(string path, string hash = "")
    {
        Driver.Navigate().GoToUrl(new Uri(Path.GetFullPath(path)).AbsoluteUri + hash);
        WaitFor("return window.dashboardReady === true;");
    }

    public object? Script(string script, params object[] args) => Driver.ExecuteScript(script, args);

    public void WaitFor(string condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (Driver.ExecuteScript(condition) is not true)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"the page never met: {condition}");
            Thread.Sleep(50);
        }
    }

    /// <summary>The text of <c>[data-kpi=name]</c>.</summary>
    public string Kpi(string name) => (string)Script($"return document.querySelector('[data-kpi=\"{name}\"]').textContent;")!;

    /// <summary>The rows of a visual's table view as text (header row first), read from the DOM whether shown or not.</summary>
    public IReadOnlyList<string[]> Table(string visual) =>
        ((IReadOnlyCollection<object>)Script(
            "return Array.from(document.querySelectorAll('[data-table=\"' + arguments[0] + '\"] tr')).map(r => Array.from(r.cells).map(c => c.textContent));",
            visual)!)
        .Select(r => ((IReadOnlyCollection<object>)r).Select(c => (string)c).ToArray()).ToList();

    /// <summary>Messages the page logged at error level (uncaught exceptions, CSP violations, failed loads).</summary>
    public IReadOnlyList<string> ConsoleErrors() =>
        Driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Severe).Select(e => e.Message).ToList();

    static string? Find(params string[] names)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin");
        return names.SelectMany(n => folders.Select(f => Path.Combine(f, n))).FirstOrDefault(File.Exists);
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
