#!/usr/bin/python3
"""pty_drive.py TRANSCRIPT -- COMMAND...: runs COMMAND on a real pseudo-terminal, as a
person at a keyboard would, and writes everything it showed to TRANSCRIPT.

Standard input holds the script, one action a line:
  expect TEXT     wait (up to 10 s) until TEXT has been shown since the last expect
  send TEXT       type TEXT and Enter
  eof             type Ctrl-D at the start of a line
  interrupt       type Ctrl-C
Exits with the command's exit status, or 124 when an expect timed out."""
import os
import pty
import select
import sys
import time


def main():
    transcript = sys.argv[1]
    command = sys.argv[sys.argv.index("--") + 1:]
    actions = [line.rstrip("\n") for line in sys.stdin]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    shown = b""
    seen_upto = 0

    def pump(timeout):
        nonlocal shown
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        shown += data
        return True

    status = None
    for action in actions:
        verb, _, arg = action.partition(" ")
        if verb == "expect":
            deadline = time.time() + 10
            while arg.encode() not in shown[seen_upto:]:
                if time.time() > deadline or not pump(0.1):
                    open(transcript, "wb").write(shown)
                    print(f"pty_drive: timed out waiting for {arg!r}", file=sys.stderr)
                    os.kill(pid, 9)
                    return 124
            seen_upto = shown.index(arg.encode(), seen_upto) + len(arg)
        elif verb == "send":
            os.write(fd, arg.encode() + b"\r")
        elif verb == "eof":
            os.write(fd, b"\x04")
        elif verb == "interrupt":
            os.write(fd, b"\x03")
    # Read what it shows until it exits (its output drained, so that it never blocks on
    # a full terminal), for up to 60 s; a command still running then is killed (124).
    deadline = time.time() + 60
    while status is None:
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:  # (a 0 from WNOHANG is no exit status: it is still running)
            status = st
            while pump(0.05):
                pass
        elif not pump(0.1):  # end of output: it closed the terminal, so it is exiting
            _, status = os.waitpid(pid, 0)
        elif time.time() > deadline:
            open(transcript, "wb").write(shown)
            print("pty_drive: the command did not exit", file=sys.stderr)
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            return 124
    open(transcript, "wb").write(shown)
    return os.waitstatus_to_exitcode(status)


sys.exit(main())
