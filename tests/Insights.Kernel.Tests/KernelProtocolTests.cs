using System.Text.Json.Nodes;

namespace Insights.Kernel.Tests;

/// <summary>One kernel session driven by jupyter_client (started once for the whole class).</summary>
public sealed class ProtocolSession : IDisposable
{
    public JupyterClient Client { get; } = new();
    public JsonNode? Result { get; }
    public string Log { get; } = "";

    public ProtocolSession()
    {
        if (Client.Unavailable is null) (Result, Log) = Client.Drive(["protocol"]);
    }

    public void Dispose() => Client.Dispose();
}

public sealed class KernelProtocolTests(ProtocolSession session) : IClassFixture<ProtocolSession>
{
    JsonNode Result
    {
        get
        {
            Skip.If(session.Client.Unavailable is not null, session.Client.Unavailable);
            return session.Result!;
        }
    }

    static JsonNode Reply(JsonNode step) => step[0]!;

    static IEnumerable<JsonNode> Messages(JsonNode step, string type) =>
        step[1]!.AsArray().Select(m => m!).Where(m => m["msg_type"]!.GetValue<string>() == type).Select(m => m["content"]!);

    static string Text(JsonNode content, string mime = "text/plain") => content["data"]![mime]!.GetValue<string>();

    [SkippableFact]
    public void Kernel_info_names_csharp_and_protocol_5_3()
    {
        var info = Result["kernel_info"]!;
        Assert.Equal("5.3", info["protocol_version"]!.GetValue<string>());
        Assert.Equal("csharp", info["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("ok", info["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public void Listens_only_on_the_connection_files_ip()
    {
        var ip = Result["ip"]!.GetValue<string>();
        Skip.If(Result["listening"] is null, "listening sockets are read from /proc (Linux only)");
        var listening = Result["listening"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Equal(5, listening.Count); // shell, control, stdin, iopub, heartbeat
        Assert.All(listening, a => Assert.StartsWith(ip + ":", a));
    }

    [SkippableFact]
    public void State_carries_across_cells_and_the_last_expression_is_the_result_with_its_count()
    {
        Assert.Equal(1, Messages(Result["first"]!, "execute_input").Single()["execution_count"]!.GetValue<int>());
        Assert.Empty(Messages(Result["first"]!, "execute_result"));
        var second = Result["second"]!;
        Assert.Equal("ok", Reply(second)["status"]!.GetValue<string>());
        Assert.Equal(2, Reply(second)["execution_count"]!.GetValue<int>());
        var result = Messages(second, "execute_result").Single();
        Assert.Equal("42", Text(result));
        Assert.Equal(2, result["execution_count"]!.GetValue<int>());
    }

    [SkippableFact]
    public void Display_and_console_text_come_as_outputs_in_the_order_written()
    {
        var outputs = Result["display"]![1]!.AsArray().Select(m => m!["msg_type"]!.GetValue<string>()).ToList();
        Assert.Equal(["execute_input", "display_data", "stream", "display_data"], outputs);
        Assert.Equal("[1, 2]", Text(Messages(Result["display"]!, "display_data").First()));
        Assert.Equal("printed\n", Messages(Result["display"]!, "stream").Single()["text"]!.GetValue<string>());
        Assert.Equal("<b>bold</b>", Text(Messages(Result["display"]!, "display_data").Last(), "text/html"));
    }

    [SkippableFact]
    public void Silent_shows_nothing_and_neither_it_nor_store_history_false_takes_a_count()
    {
        var silent = Result["silent"]!;
        Assert.Empty(silent[1]!.AsArray());
        Assert.Equal(3, Reply(silent)["execution_count"]!.GetValue<int>()); // display was 3: nothing counted since
        var noHistory = Result["no_history"]!;
        Assert.Equal("60", Text(Messages(noHistory, "execute_result").Single()));
        Assert.Equal(3, Reply(noHistory)["execution_count"]!.GetValue<int>());
    }

    [SkippableFact]
    public void A_compile_error_names_the_cell_line_and_shows_it()
    {
        var reply = Reply(Result["compile_error"]!);
        Assert.Equal("error", reply["status"]!.GetValue<string>());
        Assert.Equal("CompilationError", reply["ename"]!.GetValue<string>());
        var error = Messages(Result["compile_error"]!, "error").Single();
        var traceback = error["traceback"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Equal("line 2: error CS0103: The name 'distrct' does not exist in the current context", traceback[0]);
        Assert.Equal("    2 | var b = distrct;", traceback[1]);
    }

    [SkippableFact]
    public void A_runtime_error_names_the_line_that_threw()
    {
        var error = Messages(Result["runtime_error"]!, "error").Single();
        Assert.Equal("ArgumentOutOfRangeException", error["ename"]!.GetValue<string>());
        Assert.StartsWith("line 3: ArgumentOutOfRangeException: ", error["traceback"]![0]!.GetValue<string>());
        Assert.Equal("    3 | var item = list[3];", error["traceback"]![1]!.GetValue<string>());
    }

    [SkippableFact]
    public void A_failing_cell_aborts_the_cells_queued_behind_it()
    {
        Assert.Equal("error", Result["abort"]!["failing"]!["status"]!.GetValue<string>());
        Assert.Equal("aborted", Result["abort"]!["queued"]!["status"]!.GetValue<string>());
        Assert.Contains("The name 'afterAbort' does not exist", Messages(Result["after_abort"]!, "error").Single()["evalue"]!.GetValue<string>());
    }

    [SkippableFact]
    public void A_Deedle_frame_shows_as_an_html_table()
    {
        var html = Text(Messages(Result["frame"]!, "execute_result").Single(), "text/html");
        Assert.Contains("<th>District</th><th>Enquiries</th>", html);
        Assert.Contains("<td>Stockport</td><td>36</td>", html);
    }

    [SkippableFact]
    public void Completion_after_a_dot_lists_the_members_of_a_Deedle_frame()
    {
        var members = Result["complete_members"]!;
        var matches = members["matches"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        // Its own members and Deedle's extension methods (FrameExtensions.PivotTable).
        Assert.Superset(new HashSet<string> { "Rows", "Columns", "RowCount", "ColumnKeys", "GetColumn", "PivotTable" }, matches.ToHashSet());
        Assert.Equal(6, members["cursor_start"]!.GetValue<int>());
        var prefix = Result["complete_prefix"]!;
        var rows = prefix["matches"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Superset(new HashSet<string> { "RowCount", "RowKeys", "Rows" }, rows.ToHashSet());
        Assert.All(rows, m => Assert.StartsWith("ro", m, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(14, prefix["cursor_start"]!.GetValue<int>());
        Assert.Equal(16, prefix["cursor_end"]!.GetValue<int>());
        Assert.Contains("frame", Result["complete_scope"]!["matches"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [SkippableFact]
    public void Is_complete_tells_an_open_block_from_a_statement_and_from_nonsense()
    {
        var answers = Result["is_complete"]!;
        Assert.Equal("complete", answers["var a = 1;"]!["status"]!.GetValue<string>());
        Assert.Equal("incomplete", answers["if (x > 1) {"]!["status"]!.GetValue<string>());
        Assert.Equal("invalid", answers["var a = ;)"]!["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public void A_message_with_a_bad_signature_is_dropped_and_logged_and_never_runs()
    {
        var bad = Result["bad_signature"]!;
        Assert.False(bad["replied"]!.GetValue<bool>());
        Assert.False(bad["ran"]!.GetValue<bool>());
        Assert.Contains("insights kernel: dropped a message with a bad signature on shell", session.Log);
        Assert.Equal("20", Text(Messages(Result["after_bad_signature"]!, "execute_result").Single()));
    }

    [SkippableFact]
    public void Interrupt_stops_while_true_and_the_kernel_keeps_its_state()
    {
        var interrupt = Result["interrupt"]!;
        Assert.Equal("error", interrupt["reply"]!["status"]!.GetValue<string>());
        Assert.Equal("Interrupted", interrupt["reply"]!["ename"]!.GetValue<string>());
        Assert.True(interrupt["seconds"]!.GetValue<double>() < 3, "the loop stops at its next iteration, not when abandoned");
        Assert.Equal("20", Text(Messages(Result["after_interrupt"]!, "execute_result").Single()));
    }

    [SkippableFact]
    public void Sigint_interrupts_rather_than_killing_the_kernel()
    {
        Assert.Equal("21", Text(Messages(Result["after_sigint"]!, "execute_result").Single()));
    }

    [SkippableFact]
    public void Restart_starts_a_fresh_session()
    {
        var error = Messages(Result["after_restart"]!, "error").Single();
        Assert.Contains("The name 'x' does not exist", error["evalue"]!.GetValue<string>());
        Assert.Equal(1, Reply(Result["after_restart"]!)["execution_count"]!.GetValue<int>());
    }

    [SkippableFact]
    public void Shutdown_request_ends_the_process_cleanly()
    {
        Assert.Equal(0, Result["shutdown"]!["exit_code"]!.GetValue<int>());
    }
}
