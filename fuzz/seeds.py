"""Writes the seed corpora of the fuzz targets from the test fixtures and the
bundled data: fuzz/seeds/TARGET/. Deterministic; run by run.sh."""
import json
import os
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
seeds = pathlib.Path(__file__).resolve().parent / "seeds"


def put(target, name, data):
    d = seeds / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def inline(path):
    d = json.loads(path.read_text())
    bf = d["article"].pop("body_file", None)
    if bf:
        d["article"]["body"] = (path.parent / bf).read_text()
    return json.dumps(d, ensure_ascii=False)


put("dataset", "bundled.json", inline(root / "data" / "asmolov-2023-10-11.json"))
for g in sorted((root / "tests" / "fixtures" / "gold").glob("*.json")):
    try:
        put("dataset", g.name, inline(g))
    except (OSError, KeyError):
        put("dataset", g.name, g.read_bytes())

lines = []
for i in range(6):
    speaker = ["Andrei Lankov", "Victor Cha", "None"][i % 3]
    lines.append(json.dumps({
        "quoteID": f"2020-02-0{i + 1}-00000{i}",
        "quotation": f"Statement {i} on the “summit”.\u00e9",
        "speaker": speaker,
        "qids": ["Q4347"] if i % 3 == 0 else [],
        "date": f"2020-02-0{i + 1} 12:00:00",
        "numOccurrences": i + 1,
        "probas": [[speaker, "0.9"], ["None", "0.1"]],
        "urls": [f"https://example.org/{i}"],
        "phase": "E",
    }, ensure_ascii=False))
put("quotebank", "valid.jsonl", "\n".join(lines) + "\n")
put("quotebank", "malformed.jsonl", "\n".join(lines[:3] + ["not json", "{\"quoteID\": 3}"] + lines[3:]) + "\n")
# An even first byte keeps it plain, an odd one compresses it ('{' is odd).
put("quotebank", "plain.jsonl", " " + "\n".join(lines) + "\n")
put("bz2", "text", "\n".join(lines))
put("bz2", "empty", b"")
put("bz2", "repeats", b"a" * 5000 + b"b" * 3000)

for a in sorted((root / "tests" / "fixtures" / "articles").iterdir()):
    target = "import_html" if a.suffix in (".html", ".htm") else "import_text"
    put(target, a.name, a.read_bytes())
put("import_text", "bundled.txt", (root / "data" / "asmolov-2023-10-11-kim-visit-part-5.txt").read_bytes())
put("import_html", "small.html", "<html><head><meta property=\"og:title\" content=\"T\"></head><body><article><p>“We will see,” said Jane Doe, a nurse.</p><p>He said: “No.”</p></article></body></html>")

for i, q in enumerate([
    "lankov", "lankof", "china russia", "china | russia war", "'chin", "'china'", "^china",
    "military$", "!china", "!'chin", "\"north korea\"", "!\"north korea\"", "jokirby",
    "Kim", "séoul", "a |", "\"open", "jong-un$", "^jong-un", "",
]):
    put("query", f"q{i:02}", q)

for i, b in enumerate([b"", b"\x00\x00\x00\x00", b"\x03\x00\x00\x10", b"\x01\x01\x00\x40\x05\x02\x00\x08"]):
    put("index_open", f"ops{i}", b)
