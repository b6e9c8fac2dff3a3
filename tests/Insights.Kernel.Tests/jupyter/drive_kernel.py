"""Drives the Insights kernel through Jupyter's own client libraries (jupyter_client, nbclient), as VS Code and
JupyterLab do. The C# tests run this with Debian's /usr/bin/python3 and read the JSON it prints on stdout.

  drive_kernel.py protocol              one kernel session: state, display, errors, completion, interrupt,
                                        bad signature, SIGINT, restart, shutdown
  drive_kernel.py notebooks OUT NB...   executes each notebook with nbclient (its metadata names the kernel),
                                        writes the executed copy to OUT
  drive_kernel.py benchmark N           start to first reply, and N round trips of a trivial cell

The kernelspec is found through JUPYTER_PATH (the test writes one pointing at this build).
"""
import json
import os
import signal
import sys
import time
import queue

KERNEL = os.environ.get("INSIGHTS_KERNEL_NAME", "insights-csharp")


def start():
    from jupyter_client.manager import start_new_kernel
    return start_new_kernel(kernel_name=KERNEL, startup_timeout=120)


def run(kc, code, timeout=120, **kwargs):
    """Executes code; returns (reply content, [iopub messages of this request, status excluded])."""
    outputs = []
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=lambda m: outputs.append(m), **kwargs)
    return reply["content"], [{"msg_type": m["header"]["msg_type"], "content": m["content"]}
                              for m in outputs if m["header"]["msg_type"] != "status"]


def shell_request(kc, name, **content):
    msg = kc.session.msg(name, content)
    kc.shell_channel.send(msg)
    while True:
        reply = kc.get_shell_msg(timeout=30)
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            return reply["content"]


def listening_addresses(pid):
    """Local addresses of the TCP sockets the process listens on (Linux /proc), or None elsewhere."""
    try:
        inodes = set()
        for fd in os.listdir(f"/proc/{pid}/fd"):
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except (FileNotFoundError, PermissionError):
        return None
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table) as f:
            next(f)
            for line in f:
                fields = line.split()
                local, state, inode = fields[1], fields[3], fields[9]
                if state == "0A" and inode in inodes:
                    address, port = local.split(":")
                    if len(address) == 8:
                        ip = ".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0))
                    else:
                        ip = "ipv6:" + address
                    found.append(f"{ip}:{int(port, 16)}")
    return sorted(found)


def protocol():
    from jupyter_client.session import Session
    result = {}
    km, kc = start()
    process = km.provisioner.process
    try:
        result["kernel_info"] = shell_request(kc, "kernel_info_request")
        result["ip"] = km.ip
        result["listening"] = listening_addresses(process.pid)

        result["first"] = run(kc, "var x = 20;")
        result["second"] = run(kc, "x + 22")
        result["display"] = run(kc, 'display(new[] { 1, 2 }); Console.WriteLine("printed"); display(new HtmlContent("<b>bold</b>"));')
        result["silent"] = run(kc, "x * 2", silent=True)
        result["no_history"] = run(kc, "x * 3", store_history=False)
        result["compile_error"] = run(kc, "var a = 1;\nvar b = distrct;")
        result["runtime_error"] = run(kc, "var list = new List<int>();\n\nvar item = list[3];")
        # VS Code's Run All queues every cell at once: after a failure the queued ones are aborted, not run.
        failing = kc.execute('throw new InvalidOperationException("stop");')
        queued = kc.execute("var afterAbort = 1;")
        replies = {}
        while len(replies) < 2:
            reply = kc.get_shell_msg(timeout=60)
            if reply["parent_header"].get("msg_id") in (failing, queued):
                replies[reply["parent_header"]["msg_id"]] = reply["content"]
        result["abort"] = {"failing": replies[failing], "queued": replies[queued]}
        result["after_abort"] = run(kc, "afterAbort")
        result["frame"] = run(kc, 'var frame = Frame.FromRecords(new[] { new { District = "Stockport", Enquiries = 36 }, new { District = "Bolton", Enquiries = 40 } });\nframe')
        result["complete_members"] = shell_request(kc, "complete_request", code="frame.", cursor_pos=6)
        result["complete_prefix"] = shell_request(kc, "complete_request", code="var n = frame.Ro", cursor_pos=16)
        result["complete_scope"] = shell_request(kc, "complete_request", code="fra", cursor_pos=3)
        result["is_complete"] = {code: shell_request(kc, "is_complete_request", code=code)
                                 for code in ["var a = 1;", "if (x > 1) {", "var a = ;)"]}

        # A message signed with another key must be dropped: it never runs (the file is not written) and gets no reply.
        marker = os.path.join(os.environ.get("INSIGHTS_TEST_TEMP", "/tmp"), "bad-signature-ran.txt")
        forger = Session(key=b"not-the-key", username="forger")
        forger.send(kc.shell_channel.socket, "execute_request",
                    content={"code": f'System.IO.File.WriteAllText(@"{marker}", "ran");', "silent": False,
                             "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        try:
            kc.get_shell_msg(timeout=2)
            result["bad_signature"] = {"replied": True}
        except queue.Empty:
            result["bad_signature"] = {"replied": False}
        result["bad_signature"]["ran"] = os.path.exists(marker)
        result["after_bad_signature"] = run(kc, "x")

        # Interrupt a loop that never ends: the reply is an error, and the kernel (and its state) lives on.
        msg_id = kc.execute("var spins = 0L;\nwhile (true) { spins++; }")
        time.sleep(1.5)
        started = time.monotonic()
        km.interrupt_kernel()
        while True:
            reply = kc.get_shell_msg(timeout=30)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        result["interrupt"] = {"reply": reply["content"], "seconds": time.monotonic() - started}
        result["after_interrupt"] = run(kc, "x")

        # SIGINT (Ctrl-C in a terminal, jupyter_client's signal mode) interrupts as well; it must not kill .NET.
        os.kill(process.pid, signal.SIGINT)
        time.sleep(0.5)
        result["after_sigint"] = run(kc, "x + 1")

        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=120)
        result["after_restart"] = run(kc, "x")
    finally:
        old = km.provisioner.process if km.provisioner else None
        started = time.monotonic()
        km.shutdown_kernel(now=False)
        kc.stop_channels()
    result["shutdown"] = {"exit_code": old.poll() if old else None, "seconds": time.monotonic() - started}
    print(json.dumps(result))


def notebooks(out, paths):
    import nbformat
    from nbclient import NotebookClient
    summary = {}
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        name = os.path.basename(path)
        overrides = os.environ.get("INSIGHTS_NOTEBOOK_PARAMS_" + name.split("-")[0])
        if overrides:
            # papermill's way: a cell after the parameters cell that sets new values.
            at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
            nb.cells.insert(at + 1, nbformat.v4.new_code_cell(overrides, metadata={"tags": ["injected-parameters"]}))
        started = time.monotonic()
        client = NotebookClient(nb, timeout=600, kernel_name=nb.metadata.kernelspec.name,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        error = None
        try:
            client.execute()
        except Exception as e:  # a cell error: keep the notebook as executed so far
            error = f"{type(e).__name__}: {e}"[:2000]
        target = os.path.join(out, name)
        nbformat.write(nb, target)
        summary[name] = {"executed": target, "error": error, "seconds": time.monotonic() - started}
    print(json.dumps(summary))


def benchmark(rounds):
    from statistics import median
    started = time.monotonic()
    km, kc = start()  # returns once kernel_info is answered
    first_reply = time.monotonic() - started
    try:
        run(kc, "1")  # the first cell compiles Roslyn's script machinery: reported apart
        first_cell = time.monotonic() - started - first_reply
        times = []
        for _ in range(rounds):
            t = time.perf_counter()
            kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda m: None)
            times.append(time.perf_counter() - t)
    finally:
        km.shutdown_kernel(now=False)
        kc.stop_channels()
    times.sort()
    print(json.dumps({"start_to_first_reply_s": first_reply, "first_cell_s": first_cell, "rounds": rounds,
                      "round_trip_median_ms": median(times) * 1000, "round_trip_p90_ms": times[int(len(times) * 0.9)] * 1000,
                      "round_trip_min_ms": times[0] * 1000}))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "protocol":
        protocol()
    elif command == "notebooks":
        notebooks(sys.argv[2], sys.argv[3:])
    elif command == "benchmark":
        benchmark(int(sys.argv[2]) if len(sys.argv) > 2 else 50)
    else:
        sys.exit(f"unknown command {command}")
