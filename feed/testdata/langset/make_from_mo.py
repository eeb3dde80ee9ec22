#!/usr/bin/env python3
"""Writes one file of sentences per language, <code>.txt, from the gettext
translations (.mo files) a Debian system installs under /usr/share/locale:
sentences translators wrote for coreutils, apt, git, glib, PostgreSQL, …

    python3 make_from_mo.py /usr/share/locale OUTDIR code[=locale] ...

Translations identical to their English original, the ISO code lists
(language and country names), and strings that are short, technical
(paths, options, placeholders) or mostly digits are left out. Each
language's strings are shuffled with a fixed seed and the first 200 kept.
"""
import glob, random, re, struct, sys, unicodedata

PLACEHOLDER = re.compile(r"%(\d+\$)?[-#0 +']*\d*(\.\d+)?(hh|h|ll|l|L|q|j|z|t|I64)?[a-zA-Z%]|\{[^}]*\}|\$\{?\w+\}?|<[^>]*>|&\w+;")
TECHNICAL = re.compile(r"https?://|www\.|--|\w+\.\w{2,4}\b|/\w|\\|[@=|_*#]|\[|\]|\(|\)|\"|`|'[a-z-]+'")

def mo_strings(path):
    data = open(path, "rb").read()
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic == 0x950412de else ">"
    n, orig, trans = struct.unpack(end + "III", data[8:20])
    for i in range(n):
        ol, oo = struct.unpack(end + "II", data[orig + 8 * i: orig + 8 * i + 8])
        tl, to = struct.unpack(end + "II", data[trans + 8 * i: trans + 8 * i + 8])
        msgid = data[oo: oo + ol].split(b"\0")[0]
        for msgstr in data[to: to + tl].split(b"\0")[:1]:
            if msgid and msgstr:
                yield msgid.decode("utf-8", "replace"), msgstr.decode("utf-8", "replace")

def clean(s):
    s = PLACEHOLDER.sub("", s).replace("&", "").replace("~", "")
    s = " ".join(s.split())
    return s.strip(" :;,-")

def sentences(locale_dir, locale, english=False):
    seen = set()
    for path in sorted(glob.glob(f"{locale_dir}/{locale}/LC_MESSAGES/*.mo")):
        if "/iso_" in path:
            continue
        for msgid, msgstr in mo_strings(path):
            if english:
                # English is the language of the originals.
                msgstr, msgid = msgid, ""
            if msgid.strip() == msgstr.strip() or TECHNICAL.search(msgstr):
                continue
            s = clean(msgstr)
            words = s.split()
            letters = sum(c.isalpha() or unicodedata.category(c)[0] == "M" for c in s)
            spaceless = any(unicodedata.name(c, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "THAI")) for c in s)
            if (len(words) < 5 and not spaceless) or len(s) < (15 if spaceless else 40) or len(s) > 300 or letters < 0.75 * len(s.replace(" ", "")):
                continue
            if s.lower() in seen:
                continue
            seen.add(s.lower())
            yield s

def main():
    locale_dir, out = sys.argv[1], sys.argv[2]
    for arg in sys.argv[3:]:
        code, _, locale = arg.partition("=")
        got = sorted(sentences(locale_dir, locale or code, english=code == "en"))
        random.Random(code).shuffle(got)
        with open(f"{out}/{code}.txt", "w") as f:
            for s in got[:200]:
                f.write(s + "\n")
        print(code, len(got), file=sys.stderr)

main()
