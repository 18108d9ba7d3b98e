"""Write this folder's text-and-label copies of the public labelled sets, from their published files.

    python datasets/derive.py SHARED_DATASETS RUMOURS_CLONE HATECHECK_CLONE

SHARED_DATASETS holds the Davidson, YouTube Spam and ToxiGen prompt folders as published; the two
clones are of MickeysClubhouse/COVID-19-rumor-dataset and paul-rottger/hatecheck-data. Only what
the classifier needs is kept: the text, the label and the column that groups rows (a video, a
group, a source). Commenters' names and ids are left out and @handles become "@user": the sets
are kept to learn and measure from, not to republish who wrote what. Running it again writes
the same bytes.
"""

from __future__ import annotations

import csv
import html
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
_HANDLE = re.compile(r"@\w+")


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{path.relative_to(HERE)}: {len(rows)} rows")


def davidson(shared: Path) -> None:
    with (shared / "davidson-hate-offensive" / "labeled_data.csv").open(encoding="utf-8", newline="") as h:
        rows = [[_HANDLE.sub("@user", html.unescape(r["tweet"])), r["class"]] for r in csv.DictReader(h)]
    _write(HERE / "davidson" / "tweets.csv", ["text", "class"], rows)


def youtube(shared: Path) -> None:
    rows = []
    for path in sorted((shared / "youtube-spam").glob("Youtube0*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as h:
            rows += [[path.stem.split("-", 1)[1], r["CONTENT"], r["CLASS"]] for r in csv.DictReader(h)]
    _write(HERE / "youtube-spam" / "comments.csv", ["video", "text", "spam"], rows)


def toxigen(shared: Path) -> None:
    seen: dict[str, list[str]] = {}
    for path in sorted((shared / "toxigen-prompts" / "prompts").glob("*.txt")):
        kind, group = path.stem.removesuffix("_1k").split("_", 1)
        for line in path.read_text(encoding="utf-8").splitlines():
            for part in line.split("\\n"):
                statement = part.strip().removeprefix("-").strip()
                if statement and statement not in seen:
                    seen[statement] = [statement, group, "1" if kind == "hate" else "0"]
    _write(HERE / "toxigen-prompts" / "statements.csv", ["text", "group", "hateful"], list(seen.values()))


def rumours(clone: Path) -> None:
    rows = []
    for name, header in (("news/news.csv", False), ("twitter/Twitter.csv", True)):
        with (clone / "Data" / name).open(encoding="utf-8-sig", newline="") as h:
            reader = csv.reader(h)
            if header:
                next(reader, None)
            source = name.split("/")[0]
            rows += [
                [source, _HANDLE.sub("@user", r[2].strip()), r[1]]
                for r in reader
                if len(r) >= 3 and r[1] in ("F", "T", "U") and r[2].strip()
            ]
    _write(HERE / "covid-rumours" / "claims.csv", ["source", "text", "veracity"], rows)


def hatecheck(clone: Path) -> None:
    with (clone / "test_suite_cases.csv").open(encoding="utf-8", newline="") as h:
        rows = [[r["functionality"], r["test_case"].strip(), r["label_gold"]] for r in csv.DictReader(h)]
    _write(HERE / "hatecheck" / "cases.csv", ["functionality", "text", "label"], rows)


if __name__ == "__main__":
    shared, rumour_clone, hatecheck_clone = (Path(arg) for arg in sys.argv[1:4])
    davidson(shared)
    youtube(shared)
    toxigen(shared)
    rumours(rumour_clone)
    hatecheck(hatecheck_clone)
