"""What the collaborative's writes share: the refusal they raise."""


class Refused(Exception):
    """Why a change cannot be made, in words for the person making it."""
