"""Reading what a command wrote to a pseudo-terminal, for the tests of progress and summary."""

from __future__ import annotations

import os


def drain(leader: int) -> bytes:
    """Everything written to the terminal whose leader end is ``leader``, until it closes.

    Example:
        >>> import pty
        >>> leader, follower = pty.openpty()
        >>> _ = os.write(follower, b"x"); os.close(follower)
        >>> drain(leader)
        b'x'
    """
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is closed once everything was read
            break
        if not chunk:
            break
        shown += chunk
    return shown
