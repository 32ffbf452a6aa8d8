"""Zip files that come from outside: a personal set's .npz, a network's .zip.

A zip says how big each file in it unpacks to before anything is unpacked. A
small file may unpack to gigabytes (a "zip bomb"), which in the browser would
end Python for the whole page; so these files are measured first, and refused
with a sentence when they would unpack to more than such a file ever holds.
"""

import io
import zipfile

from ..errors import VisitorError

MAX_MEMBERS = 64        # a network has two files per layer and a manifest; an .npz two arrays


def checked_zip(data, max_unpacked, what, not_a_zip):
    """`data` opened as a zip, once it is known to unpack to at most `max_unpacked` bytes.

    `what` names the kind of file in the sentences ("personal set", "saved network");
    `not_a_zip` is the sentence for a file that is no zip at all.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise VisitorError(not_a_zip) from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise VisitorError(f"That file holds {len(members)} files; a {what} holds at most {MAX_MEMBERS}.")
    unpacked = sum(member.file_size for member in members)
    if unpacked > max_unpacked:
        raise VisitorError(f"That file would unpack to {unpacked / 2**20:,.1f} MB; a {what} unpacks to "
                           f"at most {max_unpacked / 2**20:.0f} MB.")
    return archive
