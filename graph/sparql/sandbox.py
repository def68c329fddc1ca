"""Confine a query worker once its data is loaded: no network at all (seccomp), and ceilings on its memory and CPU.

pyoxigraph runs ``SERVICE`` by calling out over HTTP from compiled code. The guard refuses every
``SERVICE`` it can read (`graph.sparql.guard`); `forbid_network` makes the kernel refuse, inside the
worker, every call that would open or use a new socket, so that even a ``SERVICE`` the guard misread
reaches nothing. It uses libseccomp through `pyseccomp` (Linux only). `limit_memory` sets the address
space limit (``RLIMIT_AS``) to what the worker holds now plus a query's allowance: a query that needs
more ends its worker (Oxigraph aborts when an allocation fails, Python raises `MemoryError`), never
the machine. `limit_cpu`, set before each query, has the kernel end a worker whose query runs past its CPU
allowance (``RLIMIT_CPU``): the server stops a query at its time limit, and this stops it when no server is left
to (one killed while a query ran).

Examples
--------
>>> network_confinement_available() in (True, False)
True
"""

from __future__ import annotations

import errno
import math
import os
import resource

__all__ = ["FORBIDDEN_CALLS", "SandboxUnavailable", "forbid_network", "limit_cpu", "limit_memory", "network_confinement_available"]

FORBIDDEN_CALLS = ("socket", "socketpair", "connect", "bind", "listen", "accept", "accept4", "io_uring_setup", "execve", "execveat")
"""The system calls a worker may no longer make (each fails with EACCES): no new socket and no way to reuse one, no
io_uring (which could do the same without these calls), no new program."""


class SandboxUnavailable(RuntimeError):
    """Seccomp cannot confine a process here (not Linux, or no libseccomp)."""


def network_confinement_available() -> bool:
    """Whether `forbid_network` can work here (Linux with libseccomp)."""
    try:
        import pyseccomp  # noqa: F401
    except (ImportError, RuntimeError, OSError):
        return False
    return True


def forbid_network() -> None:
    """From now on, refuse this process every system call in `FORBIDDEN_CALLS` (EACCES). Cannot be undone.

    Raises `SandboxUnavailable` where seccomp cannot be used.
    """
    try:
        import pyseccomp as seccomp
    except (ImportError, RuntimeError, OSError) as exc:
        raise SandboxUnavailable(f"seccomp is not available here ({exc})") from None
    rules = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    for name in FORBIDDEN_CALLS:
        try:
            rules.add_rule(seccomp.ERRNO(errno.EACCES), name)
        except (OSError, RuntimeError, ValueError):  # a call this architecture does not have
            continue
    rules.load()


def limit_memory(allowance: int) -> int:
    """Limit this process's address space to its present size plus ``allowance`` bytes; return the limit set.

    Where the present size cannot be read (no ``/proc``), the limit is the allowance plus 256 MiB.
    """
    present = _address_space()
    limit = present + allowance
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return limit


def limit_cpu(allowance: float) -> int:
    """Have the kernel end this process (SIGXCPU) once it has used ``allowance`` more seconds of CPU; return the limit set.

    The CPU time so far is read in clock ticks (``os.times``), which may trail the exact time by a tick or two.

    >>> import resource, time
    >>> limit_cpu(30) - time.process_time() > 29.9
    True
    >>> resource.setrlimit(resource.RLIMIT_CPU, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    """
    used = os.times()
    limit = math.ceil(used.user + used.system + allowance)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (limit, hard))
    return limit


def _address_space() -> int:
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 256 * 1024 * 1024
