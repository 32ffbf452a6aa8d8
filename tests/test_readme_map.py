"""The README's map of the package names every module where it lives, and no other: a newcomer's
first picture stays true as files come and go."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "py" / "digits"


def mapped():
    """{"page": {"api", ...}, ...} as the README's map draws it: a line per folder, its modules
    after the folder's name (continued on lines indented as far), remarks in parentheses."""
    readme = (ROOT / "README.md").read_text()
    picture = readme[readme.index("The picture to read first"):readme.index("A stroke's journey")]
    found, folder = {}, None
    for line in picture.splitlines():
        start = re.match(r"    py/digits/(\w*)/?\s+(.*)", line)
        if start:
            folder, text = start.group(1) or ".", start.group(2)
        elif folder and line.startswith(" " * 25) and line.strip()[:1].isalpha():
            text = line
        else:
            folder = None
            continue
        found.setdefault(folder, set()).update(re.findall(r"[a-z_]+", re.sub(r"\([^)]*\)", "", text)))
    return found


def test_the_readme_map_names_every_module_where_it_lives():
    on_disk = {folder: {path.stem for path in (PACKAGE / folder).glob("*.py") if path.stem != "__init__"}
               for folder in ("page", "explain", "toys", "nets", "images", ".")}
    assert mapped() == on_disk
