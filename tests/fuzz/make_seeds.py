#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, made from the project's own fixtures.

Sources, all of the project's own making (nothing from ../shared is copied):
  * the string literals in tests/**/*.cpp (adjacent literals joined, escapes
    decoded) that look like a WhatsApp or Telegram export;
  * files under tests/fixtures/ when there is such a folder;
  * with --gen-export PATH, small exports from bench/gen_export;
  * a few minimal lines written here, so no target ever starts from nothing.

Usage: make_seeds.py REPO OUT_DIR [--gen-export PATH]
Writes OUT_DIR/<target>/<sha1 of content>; running it again is harmless.
"""
import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

TARGETS = ("fuzz_whatsapp_text", "fuzz_telegram_json", "fuzz_import_session")
SEPARATOR = b"\n--chatlens-fuzz-next-input--\n"  # fuzz_import_session.cpp splits inputs here

BUILT_IN = {
    "whatsapp": [
        "12/31/22, 21:05 - Ana: hi\n12/31/22, 21:06 - Ben: hello\nsecond line\n",
        "31/12/2022, 21:05 - Messages and calls are end-to-end encrypted.\n31/12/2022, 21:05 - Ana: <Media omitted>\n",
        "[31.12.22, 21:05:09] Ana: hola\r\n[31.12.22, 21:06:10] Ben: \u200eimage omitted\r\n",
        "[12/31/22, 9:05:09 PM] Ana: hi\n[12/31/22, 9:06:10 PM] Ben: This message was deleted\n",
        "2022-12-31 21:05 - Ana: hi\n",
    ],
    "telegram": [
        '{"name": "Ana", "type": "personal_chat", "id": 1, "messages": [{"id": 1, "type": "message", '
        '"date": "2022-12-31T21:05:09", "date_unixtime": "1672517109", "from": "Ana", "from_id": "user1", '
        '"text": "hi"}, {"id": 2, "type": "message", "date": "2022-12-31T21:06:00", "from": "Ben", '
        '"from_id": "user2", "reply_to_message_id": 1, "text": ["see ", {"type": "link", "text": "x.org"}], '
        '"text_entities": [{"type": "plain", "text": "see "}]}]}',
        '{"personal_information": {"user_id": 2, "first_name": "Ben"}, "chats": {"list": [{"name": "Ana", '
        '"type": "personal_chat", "id": 1, "messages": [{"id": 1, "type": "service", "date": "2022-12-31T21:05:09", '
        '"actor": "Ana", "actor_id": "user1", "action": "phone_call", "text": ""}]}]}}',
    ],
}

# A message header at a line start: optional LRM and "[", a date, a time, then
# the " - " (Android) or "] " (iOS) before the sender.
WHATSAPP_HEADER = re.compile(
    rb"^(?:\xe2\x80\x8e)?\[?(?:\xe2\x80\x8e)?\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? \d{1,2}[:.]\d{2}[^\n]*?(?: - |\] )", re.M)
TELEGRAM_KEYS = (b'"messages"', b'"chats"', b'"personal_information"')

# A C/C++ string literal: optional encoding prefix, then "..." or R"delim(...)delim".
LITERAL = re.compile(r'(?:u8|u|U|L)?(?:R"(?P<delim>[^(\s]*)\((?P<raw>.*?)\)(?P=delim)"|"(?P<cooked>(?:[^"\\\n]|\\.)*)")',
                     re.S)
BETWEEN = re.compile(r"^(?:\s|//[^\n]*\n)*$")  # only space/comments between joined literals
ESCAPE = re.compile(r"\\(x[0-9a-fA-F]+|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|.)", re.S)
SIMPLE = {"n": b"\n", "r": b"\r", "t": b"\t", "0": b"\0", "a": b"\a", "b": b"\b", "f": b"\f", "v": b"\v"}


def decode(cooked: str) -> bytes:
    out, pos = bytearray(), 0
    for m in ESCAPE.finditer(cooked):
        out += cooked[pos:m.start()].encode()
        e = m.group(1)
        if e[0] == "x":
            out.append(int(e[1:], 16) & 0xFF)
        elif e[0] in "uU":
            out += chr(int(e[1:], 16)).encode("utf-8", "surrogatepass")
        elif e[0] in "01234567" and e not in SIMPLE:
            out.append(int(e, 8) & 0xFF)
        else:
            out += SIMPLE.get(e, e.encode())
        pos = m.end()
    out += cooked[pos:].encode()
    return bytes(out)


def literals(source: str):
    """Yields the value of each run of adjacent string literals."""
    run, last_end = None, None
    for m in LITERAL.finditer(source):
        value = m.group("raw").encode() if m.group("raw") is not None else decode(m.group("cooked"))
        if run is not None and BETWEEN.match(source[last_end:m.start()]):
            run += value
        else:
            if run is not None:
                yield run
            run = value
        last_end = m.end()
    if run is not None:
        yield run


def classify(data: bytes):
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"[") and any(k in data for k in TELEGRAM_KEYS):
        return "telegram"
    if WHATSAPP_HEADER.search(data):
        return "whatsapp"
    return None


def from_tests(repo: Path):
    for path in sorted((repo / "tests").rglob("*.cpp")):
        if "fuzz" in path.parts:
            continue
        for data in literals(path.read_text(encoding="utf-8", errors="replace")):
            kind = classify(data)
            if kind and len(data) >= 16:
                yield kind, data


def from_fixtures(repo: Path):
    root = repo / "tests" / "fixtures"
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            data = path.read_bytes()
            yield classify(data) or ("telegram" if path.suffix == ".json" else "whatsapp"), data


def from_generator(gen_export: str):
    formats = (("whatsapp-android", "whatsapp"), ("whatsapp-ios", "whatsapp"), ("telegram", "telegram"))
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, kind in formats:
            for seed in (1, 2, 3):
                out = Path(tmp) / f"{fmt}-{seed}"
                chats = "1" if kind == "whatsapp" else "2"
                try:
                    subprocess.run([gen_export, "--format", fmt, "--messages", "80", "--chats", chats, "--seed",
                                    str(seed), "--out", str(out)], check=True, capture_output=True, timeout=60)
                except (OSError, subprocess.SubprocessError) as e:
                    print(f"make_seeds: gen_export {fmt} failed ({e}); skipping it", file=sys.stderr)
                    continue
                files = [out] if out.is_file() else sorted(p for p in out.rglob("*") if p.is_file())
                for f in files:
                    yield kind, f.read_bytes()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("repo", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--gen-export", help="path of a built bench/gen_export")
    args = ap.parse_args()

    found = [(kind, s.encode()) for kind, items in BUILT_IN.items() for s in items]
    found += list(from_tests(args.repo)) + list(from_fixtures(args.repo))
    if args.gen_export:
        found += list(from_generator(args.gen_export))

    seeds = {t: set() for t in TARGETS}
    for kind, data in found:
        seeds["fuzz_whatsapp_text" if kind == "whatsapp" else "fuzz_telegram_json"].add(data)
        seeds["fuzz_import_session"].add(data)
    # Multi-input seeds for the session: the same chat twice (merging), and a
    # WhatsApp export beside a Telegram one.
    wa = sorted(seeds["fuzz_whatsapp_text"], key=len)[:4]
    tg = sorted(seeds["fuzz_telegram_json"], key=len)[:2]
    for a in wa:
        seeds["fuzz_import_session"].add(a + SEPARATOR + a)
        for b in tg:
            seeds["fuzz_import_session"].add(a + SEPARATOR + b)

    for target, items in seeds.items():
        d = args.out / target
        d.mkdir(parents=True, exist_ok=True)
        for data in items:
            (d / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"make_seeds: {len(items):4d} seeds for {target} in {d}")


if __name__ == "__main__":
    main()
