"""What the figures were measured on: CPU, cores, memory, kernel, Debian, compiler, commit."""

import datetime
import os
import platform
import subprocess


def _first_line(argv, cwd=None):
    try:
        output = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = output.stdout.strip().splitlines()
    return lines[0] if output.returncode == 0 and lines else None


def _read(path):
    try:
        with open(path, encoding="utf-8") as source:
            return source.read()
    except OSError:
        return ""


def _cpu_model():
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or None


def _memory_gib():
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024 / 1024, 1)
    return None


def describe(repo_root):
    """The machine and source the run measured, for latest.json and BENCHMARKS.md."""
    commit = _first_line(["git", "rev-parse", "HEAD"], repo_root)
    dirty = _first_line(["git", "status", "--porcelain", "--untracked-files=no"], repo_root)
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "kernel": platform.release(),
        "debian": _read("/etc/debian_version").strip() or None,
        "compiler": _first_line(["g++", "--version"]),
        "python": platform.python_version(),
        "git_commit": commit,
        "git_dirty": bool(dirty),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
