"""What the collaborative's writes share: the refusal they raise (core's own)."""

from livingwell.core.refusals import Refused

__all__ = ["Refused"]
