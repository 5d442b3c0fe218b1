#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, made from the project's own fixtures.

Sources, all of the project's own making (nothing from ../shared is copied):
  * the string literals in tests/**/*.cpp (adjacent literals joined, escapes
    decoded) that look like a WhatsApp, Telegram or Signal export, or a community
    summary (tests/server: valid and invalid bodies);
  * files under tests/fixtures/ when there is such a folder;
  * with --gen-export PATH, small exports from bench/gen_export;
  * with --gen-export and --chatlens PATH, the community_summary that
    `chatlens analyze` writes for a few of those exports;
  * community summaries made from docs/community_summary.schema.json (every
    field at its edges, random valid ones) and from docs/community-summary.md's
    example, and invalid ones made from those (one rule broken at a time);
  * a few minimal lines written here, so no target ever starts from nothing.

fuzz_contribution_validation reads the Content-Type header from its input's
first line, the Idempotency-Key from the second, the body from the rest.

Usage: make_seeds.py REPO OUT_DIR [--gen-export PATH] [--chatlens PATH]
Writes OUT_DIR/<target>/<sha1 of content>; running it again is harmless.
"""
import argparse
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

CONTRIBUTION = "fuzz_contribution_validation"
TARGETS = ("fuzz_whatsapp_text", "fuzz_telegram_json", "fuzz_signal", "fuzz_meta_json", "fuzz_discord", "fuzz_import_session",
           CONTRIBUTION)
SEPARATOR = b"\n--chatlens-fuzz-next-input--\n"  # fuzz_import_session.cpp splits inputs here

BUILT_IN = {
    "whatsapp": [
        "12/31/22, 21:05 - Ana: hi\n12/31/22, 21:06 - Ben: hello\nsecond line\n",
        "31/12/2022, 21:05 - Messages and calls are end-to-end encrypted.\n31/12/2022, 21:05 - Ana: <Media omitted>\n",
        "[31.12.22, 21:05:09] Ana: hola\r\n[31.12.22, 21:06:10] Ben: \u200eimage omitted\r\n",
        "[12/31/22, 9:05:09 PM] Ana: hi\n[12/31/22, 9:06:10 PM] Ben: This message was deleted\n",
        "2022-12-31 21:05 - Ana: hi\n",
    ],
    "signal": [
        "[2023-05-01 10:20:30] Ana: hola  \n\n[2023-05-01 10:21:00] Me: \n\n> hola\n\nok  \n(- Ana: x -)\n\n",
        "[2019-12-24, 12:23] Jane Doe: Hello John!\n[2020-01-17, 21:49] John Doe: Hello\nJane!\n",
        '{"date": "2023-05-01T10:20:30.123000", "sender": "Ana", "body": "hola  ", "quote": "", "sticker": null, '
        '"reactions": [["Me", "x"]], "attachments": [{"name": "a.jpg", "path": "media/a.jpg"}], "deleted": false}\n',
    ],
    "meta": [
        '{"participants": [{"name": "Ana"}, {"name": "J\\u00e2\\u009d\\u00a4\\u00ef\\u00b8\\u008fhn"}], "messages": ['
        '{"sender_name": "Ana", "timestamp_ms": 1577186580000, "content": "Cze\\u00c5\\u009b\\u00c4\\u0087", '
        '"reactions": [{"reaction": "\\u00e2\\u009d\\u00a4", "actor": "Ana"}]}, {"sender_name": "Ana", '
        '"timestamp_ms": 1577186570000, "photos": [{"uri": "photos/a.jpg"}], "is_unsent": false}, {"sender_name": '
        '"Ana", "timestamp_ms": 1577186560000, "content": "Ana named the group Trip.", "type": "Generic"}], '
        '"title": "Trip", "thread_type": "RegularGroup", "thread_path": "inbox/trip_1"}',
        '{"profile_v2": {"name": {"full_name": "Bj\\u00c3\\u00b8rn Ek", "first_name": "Bj\\u00c3\\u00b8rn"}}}',
        '{"profile_user": [{"string_map_data": {"Name": {"href": "", "value": "Ana", "timestamp": 0}, '
        '"Username": {"value": "ana"}}}]}',
    ],
    "discord": [
        '{\n  "guild": {\n    "id": "0",\n    "name": "Direct Messages",\n    "iconUrl": "x"\n  },\n  "channel": {\n'
        '    "id": "530", "type": "DirectTextChat", "categoryId": "0", "category": "Private", "name": "Ana"\n  },\n'
        '  "dateRange": {"after": null, "before": null},\n  "exportedAt": "2024-01-01T00:00:00+00:00",\n'
        '  "messages": [\n    {\n      "id": "531", "type": "Default", "timestamp": "2019-01-04T17:52:39.762+00:00",\n'
        '      "timestampEdited": null, "callEndedTimestamp": null, "isPinned": false, "content": "hi \\uD83D\\uDC46",\n'
        '      "author": {"id": "111", "name": "ana", "discriminator": "0000", "nickname": "Ana", "isBot": false},\n'
        '      "attachments": [{"id": "1", "url": "u", "fileName": "a.png", "fileSizeBytes": 3}], "embeds": [{"title": "t"}],\n'
        '      "stickers": [{"id": "2", "name": "Wave", "format": "Png", "sourceUrl": "s"}],\n'
        '      "reactions": [{"emoji": {"id": "", "name": "x", "isAnimated": false}, "count": 2, "users": []}],\n'
        '      "mentions": [{"id": "111", "name": "ana"}]\n    },\n'
        '    {\n      "id": "532", "type": "Reply", "timestamp": "2019-01-04T19:52:39+02:00", "content": "yes",\n'
        '      "author": {"id": "222", "name": "bot", "isBot": true},\n'
        '      "reference": {"type": "Default", "messageId": "531", "channelId": "530", "guildId": null},\n'
        '      "forwardedMessage": {"content": "f", "attachments": [], "stickers": []}\n    },\n'
        '    {\n      "id": "100", "type": "Call", "timestamp": "2020-07-17T17:03:14.366+00:00",\n'
        '      "callEndedTimestamp": "2020-07-17T21:14:52.787+00:00", "content": "Started a call.", "author": {"id": "111"}\n'
        '    }\n  ],\n  "messageCount": 3\n}\n',
        '{"guild":{"id":"25","name":"G"},"channel":{"id":"7","type":"GuildPublicThread","category":"general",'
        '"name":"t"},"messages":[{"id":"1","type":"ChannelNameChange","timestamp":"2023-01-17T19:33:07Z",'
        '"content":"Changed the channel name.","author":{"id":"2","name":"x"}},{"id":"1","type":"Default",'
        '"timestamp":"2023-01-17T19:33:07Z","content":"dup","author":{"id":"2","name":"x"}}],"messageCount":2}',
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

# Hostile shapes (issue 9), so the fuzzers start from them rather than having to
# grow them: nesting far past the 64-level limit (a messages array and a text
# entity array 20,000 to 100,000 deep), a stray scalar closing the messages
# array, every message unreadable, a string as "messages", UTF-16 re-saves, and
# a header cut off at the end of a file.
def hostile():
    chat = '{"name": "Ana", "type": "personal_chat", "id": 1, "messages": [\n  %s\n ]\n}\n'
    msg = ('{"id": %d, "type": "message", "date": "2022-12-31T21:05:09", "from": "Ana", "from_id": "user1", '
           '"text": %s}')
    for depth in (100000, 20000):
        yield "telegram", (chat % (msg % (1, '"hi"') + ",\n  " + "[" * depth + "]" * depth)).encode()
    yield "telegram", (chat % (msg % (1, '"hi"') + ",\n  " + msg % (2, "[" * 20000 + "]" * 20000))).encode()
    yield "telegram", (chat % (msg % (1, '"hi"') + ",\n  7")).encode()
    yield "telegram", (chat % "1,\n  2").encode()
    yield "telegram", b'{"name": "Ana", "type": "personal_chat", "id": 1, "messages": "hello"}'
    wa = "12/31/22, 21:05 - Ana: hi\n12/31/22, 21:06 - Ben: hello\n"
    yield "whatsapp", b"\xff\xfe" + wa.encode("utf-16-le")
    yield "whatsapp", wa.encode("utf-16-be")
    yield "whatsapp", (wa + "12/31/22, 21:07 - Be").encode()
    yield "whatsapp", (wa + "12/31/22, 2").encode()


# A message header at a line start: optional LRM and "[", a date, a time, then
# the " - " (Android) or "] " (iOS) before the sender.
WHATSAPP_HEADER = re.compile(
    rb"^(?:\xe2\x80\x8e)?\[?(?:\xe2\x80\x8e)?\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? \d{1,2}[:.]\d{2}[^\n]*?(?: - |\] )", re.M)
TELEGRAM_KEYS = (b'"messages"', b'"chats"', b'"personal_information"')
# signal-export: "[2023-05-01 10:20:30] Ana: text  " then an empty line, or the older "[2019-12-24, 12:23] ".
SIGNAL_MARKDOWN = re.compile(rb"^\[\d{4}-\d{2}-\d{2}(?:, \d{2}:\d{2}| \d{2}:\d{2}:\d{2}[^\n]*  \n\n)", re.M)
SIGNAL_KEYS = (b'"date"', b'"sender"', b'"body"')
META_KEYS = (b'"sender_name"', b'"timestamp_ms"')
META_PROFILE_KEYS = (b'"profile_v2"', b'"full_name"', b'"profile_user"', b'"string_map_data"')
TARGET_OF = {"whatsapp": "fuzz_whatsapp_text", "telegram": "fuzz_telegram_json", "signal": "fuzz_signal",
             "meta": "fuzz_meta_json",
             "discord": "fuzz_discord"}

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
    if stripped[:1] == b"{" and (b"chatlens.community_summary" in data or b'"hour_profile"' in data):
        return "contribution"
    if stripped[:1] == b"{" and b'"guild"' in data and b'"channel"' in data:
        return "discord"
    if stripped[:1] == b"{" and all(k in data for k in META_KEYS):
        return "meta"
    if stripped[:1] == b"{" and any(k in data for k in META_PROFILE_KEYS):
        return "meta"
    if stripped[:1] == b"{" and all(k in data for k in SIGNAL_KEYS):
        return "signal"
    if stripped[:1] in (b"{", b"[") and any(k in data for k in TELEGRAM_KEYS):
        return "telegram"
    if SIGNAL_MARKDOWN.search(data):
        return "signal"
    if WHATSAPP_HEADER.search(data):
        return "whatsapp"
    return None


def from_tests(repo: Path):
    for path in sorted(p for ext in ("*.cpp", "*.hpp") for p in (repo / "tests").rglob(ext)):
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
    formats = (("whatsapp-android", "whatsapp"), ("whatsapp-ios", "whatsapp"), ("telegram", "telegram"),
               ("discord", "discord"), ("signal", "signal"))
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, kind in formats:
            for seed in (1, 2, 3):
                out = Path(tmp) / f"{fmt}-{seed}"
                chats = "1" if kind in ("whatsapp", "discord") else "2"
                try:
                    subprocess.run([gen_export, "--format", fmt, "--messages", "80", "--chats", chats, "--seed",
                                    str(seed), "--out", str(out)], check=True, capture_output=True, timeout=60)
                except (OSError, subprocess.SubprocessError) as e:
                    print(f"make_seeds: gen_export {fmt} failed ({e}); skipping it", file=sys.stderr)
                    continue
                files = [out] if out.is_file() else sorted(p for p in out.rglob("*") if p.is_file())
                for f in files:
                    yield kind, f.read_bytes()


# Emoji of the server's table (server/summary_emoji.cpp), as emojibase hexcodes: plain, with a
# variation selector, a ZWJ sequence, a keycap, a flag.
EMOJI = ["1F602", "2764-FE0F", "1F44D", "1F60A", "1F605", "1F4AA", "1F382", "1F389", "1F644", "2600-FE0F",
         "1F468-200D-1F469-200D-1F467", "0023-FE0F-20E3", "1F1EA-1F1F8", "1F525", "1F62D"]
IDEMPOTENCY_KEYS = [b"chatlens-fuzz-seed-0001", b"123e4567-e89b-12d3-a456-426614174000", b"A" * 16, b"k_-.:" * 25 + b"abc"]
CONTENT_TYPES = [b"application/json", b"application/json; charset=utf-8", b"Application/JSON;charset=UTF-8"]


def contribution_input(body: bytes, content_type: bytes = CONTENT_TYPES[0], key: bytes = IDEMPOTENCY_KEYS[0]) -> bytes:
    return content_type + b"\n" + key + b"\n" + body


def hour_profile(rng: random.Random):
    """24 rounded percentages of one day, as chatlens writes them (sum within 100 +- 12)."""
    weights = [rng.random() ** 2 for _ in range(24)]
    total = sum(weights)
    return [round(100 * w / total) for w in weights]


def schema_summaries(repo: Path):
    """Valid community summaries: every allowed value of each field at least once, the edges, random mixes."""
    schema = json.loads((repo / "docs" / "community_summary.schema.json").read_text(encoding="utf-8"))
    props = schema["properties"]
    per_day = props["messages_per_active_day"]["enum"]
    minutes = props["minutes_per_day"]["enum"]
    text = props["avg_text_length"]
    lengths = list(range(text["minimum"], text["maximum"] + 1, text["multipleOf"]))
    max_emoji = props["top_emoji"]["maxItems"]
    base = {"schema": props["schema"]["const"], "version": props["version"]["const"]}
    rng = random.Random(1)
    out = []
    count = max(len(per_day), len(minutes), 24)
    for i in range(count):
        s = dict(base)
        s["top_emoji"] = rng.sample(EMOJI, i % (max_emoji + 1))
        s["avg_text_length"] = lengths[0] if i == 0 else lengths[-1] if i == 1 else rng.choice(lengths)
        s["messages_per_active_day"] = per_day[i % len(per_day)]
        s["minutes_per_day"] = minutes[i % len(minutes)]
        s["hour_profile"] = hour_profile(rng)
        out.append(s)
    # One hour holds the whole day; the lowest and highest sums allowed.
    flat = [0] * 24
    flat[3] = 100
    out.append({**out[0], "hour_profile": flat})
    out.append({**out[1], "hour_profile": [4] * 22 + [0, 0]})   # 88
    out.append({**out[2], "hour_profile": [5] * 22 + [1, 1]})   # 112
    return out


def doc_example(repo: Path):
    text = (repo / "docs" / "community-summary.md").read_text(encoding="utf-8")
    m = re.search(r"```json\n(.*?)```", text, re.S)
    return [json.loads(m.group(1))] if m else []


def from_chatlens(chatlens: str, gen_export: str):
    """The community_summary of real `chatlens analyze` reports on generated exports."""
    formats = (("whatsapp-android", 1, 3000), ("whatsapp-ios", 2, 6000), ("telegram", 3, 4000), ("whatsapp-android", 4, 50000))
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, seed, messages in formats:
            out = Path(tmp) / f"{fmt}-{seed}"
            try:
                owner = subprocess.run([gen_export, "--format", fmt, "--messages", str(messages), "--chats", "4", "--seed",
                                        str(seed), "--out", str(out)], check=True, capture_output=True, text=True,
                                       timeout=120).stdout.strip()
                files = [str(out)] if out.is_file() else sorted(str(p) for p in out.rglob("*") if p.is_file())
                me = ["--me", owner] if owner and fmt != "telegram" else []
                report = subprocess.run([chatlens, "analyze", *files, *me, "-o", "-"], check=True, capture_output=True,
                                        timeout=300).stdout
                summary = json.loads(report)["sections"]["community_summary"].get("summary")
            except (OSError, subprocess.SubprocessError, ValueError, KeyError) as e:
                print(f"make_seeds: chatlens analyze on gen_export {fmt} failed ({e}); skipping it", file=sys.stderr)
                continue
            if summary:
                yield summary


def encodings(summary) -> list:
    """The same summary written a few ways JSON allows: compact, spaced, reordered, escaped."""
    compact = json.dumps(summary, separators=(",", ":")).encode()
    spaced = json.dumps(summary, indent=2).encode() + b"\n"
    reordered = json.dumps(dict(reversed(list(summary.items())))).encode()
    escaped = compact.replace(b'"schema"', b'"sch\\u0065ma"', 1)
    # 35.0 and 1e2 are integers to JSON Schema (no fractional part): the service takes them.
    whole = compact.replace(b'"avg_text_length":%d' % summary["avg_text_length"],
                            b'"avg_text_length":%d.0' % summary["avg_text_length"])
    return [compact, spaced, reordered, escaped, whole, b" \t\r\n" + compact + b"\r\n"]


def broken(summary) -> list:
    """Invalid bodies: one rule of docs/community-summary.md broken at a time."""
    compact = json.dumps(summary, separators=(",", ":"))
    out = []
    def variant(**changes):
        s = dict(summary)
        for k, v in changes.items():
            if v is KeyError:
                s.pop(k, None)
            else:
                s[k] = v
        out.append(json.dumps(s, separators=(",", ":")).encode())
    variant(name="Ana")                                     # unknown field
    variant(schema="chatlens.report")
    variant(version=2)
    variant(version="1")
    variant(top_emoji=EMOJI[:11])                           # too many
    variant(top_emoji=["1F602", "1F602"])                   # duplicate
    variant(top_emoji=["1f602"])                            # lower case
    variant(top_emoji=["1F44D-1F3FB"])                      # skin tone not folded
    variant(top_emoji=["FFFFF"])                            # no such emoji
    variant(top_emoji=["1F602", 1])
    variant(top_emoji="1F602")
    variant(avg_text_length=36)                             # not a multiple of 5
    variant(avg_text_length=505)
    variant(avg_text_length=-5)
    variant(avg_text_length=35.5)
    variant(avg_text_length=None)
    variant(messages_per_active_day=4)
    variant(messages_per_active_day=0)
    variant(minutes_per_day=7)
    variant(minutes_per_day=10 ** 30)
    variant(hour_profile=[4] * 23)
    variant(hour_profile=[4] * 25)
    variant(hour_profile=[101] + [0] * 23)
    variant(hour_profile=[-1] + [5] * 23)
    variant(hour_profile=[1] * 24)                          # sums to 24
    variant(hour_profile=[5] * 24)                          # sums to 120
    variant(hour_profile=[4.5] * 24)
    for field in summary:
        variant(**{field: KeyError})                        # missing field
    out += [
        compact[:-1] + ',"version":1}',                     # duplicate field
        compact + "{}",                                     # trailing data
        compact[: len(compact) // 2],                       # cut
        "[" + compact + "]",
        "null", "", "{}", "1", '"chatlens.community_summary"',
        compact.replace('"version":1', '"version":1' + " " * 4100),  # too large
        compact.replace("[", "[" * 64, 1),
        "\ufeff" + compact,                                  # a byte order mark: not JSON (RFC 8259)
    ]
    return [x.encode() if isinstance(x, str) else x for x in out]


def contribution_seeds(repo: Path, literal_bodies, chatlens, gen_export):
    valid = doc_example(repo) + schema_summaries(repo)
    if chatlens and gen_export:
        valid += list(from_chatlens(chatlens, gen_export))
    seeds = set()
    for i, summary in enumerate(valid):
        for body in encodings(summary):
            seeds.add(contribution_input(body, CONTENT_TYPES[i % len(CONTENT_TYPES)],
                                         IDEMPOTENCY_KEYS[i % len(IDEMPOTENCY_KEYS)]))
    for summary in valid[:3]:
        for body in broken(summary):
            seeds.add(contribution_input(body))
    for body in literal_bodies:
        seeds.add(contribution_input(body))
    # Headers the service refuses, with a valid body.
    body = json.dumps(valid[0], separators=(",", ":")).encode()
    for content_type, key in ((b"text/plain", IDEMPOTENCY_KEYS[0]), (b"application/json; charset=latin-1", IDEMPOTENCY_KEYS[0]),
                              (b"", IDEMPOTENCY_KEYS[0]), (CONTENT_TYPES[0], b"short"), (CONTENT_TYPES[0], b"a b" * 10),
                              (CONTENT_TYPES[0], b"k" * 129), (CONTENT_TYPES[0], b"")):
        seeds.add(contribution_input(body, content_type, key))
    return seeds


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("repo", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--gen-export", help="path of a built bench/gen_export")
    ap.add_argument("--chatlens", help="path of a built chatlens command (community summaries of real reports)")
    args = ap.parse_args()

    found = [(kind, s.encode()) for kind, items in BUILT_IN.items() for s in items]
    found += list(from_tests(args.repo)) + list(from_fixtures(args.repo)) + list(hostile())
    if args.gen_export:
        found += list(from_generator(args.gen_export))

    seeds = {t: set() for t in TARGETS}
    for kind, data in found:
        if kind == "contribution":
            continue
        seeds[TARGET_OF[kind]].add(data)
        seeds["fuzz_import_session"].add(data)
    seeds[CONTRIBUTION] = contribution_seeds(args.repo, [d for k, d in found if k == "contribution"], args.chatlens,
                                             args.gen_export)
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
