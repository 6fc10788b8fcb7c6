"""Just enough PDF reading for the print tests: count pages and pull out the text of Chromium's PDFs.

Chromium (Skia) writes plain objects (no object streams), Flate-compressed content streams and Type0
fonts with 2-byte glyph codes and a ToUnicode map. That is all this reads; it is not a general parser.
"""

from __future__ import annotations

import re
import zlib

OBJECT = re.compile(rb"(\d+) 0 obj\b")
STREAM_OR_END = re.compile(rb"stream\r?\n|endobj")
PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
SHOW = re.compile(rb"/([A-Za-z0-9_.+-]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\bET\b")


def objects(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Object number -> (dictionary text, decoded stream or None)."""
    out: dict[int, tuple[bytes, bytes | None]] = {}
    pos = 0
    while match := OBJECT.search(pdf, pos):
        mark = STREAM_OR_END.search(pdf, match.end())
        assert mark is not None, "unterminated PDF object"
        head = pdf[match.end() : mark.start()]
        if mark.group() == b"endobj":
            out[int(match.group(1))] = (head, None)
            pos = mark.end()
            continue
        length = re.search(rb"/Length (\d+)(?!\s+\d+\s+R)", head)
        assert length is not None, "stream without a direct /Length"
        data = pdf[mark.end() : mark.end() + int(length.group(1))]
        end = pdf.index(b"endobj", mark.end() + len(data))
        out[int(match.group(1))] = (head, zlib.decompress(data) if b"/FlateDecode" in head else data)
        pos = end + len(b"endobj")
    return out


def page_count(pdf: bytes) -> int:
    """Number of /Type /Page objects (not /Pages)."""
    return sum(1 for head, _ in objects(pdf).values() if PAGE.search(head))


def _to_unicode(cmap: bytes) -> dict[int, str]:
    table: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, start in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int(start, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                table[code] = chr(first + offset)
    return table


def text(pdf: bytes) -> str:
    """All shown text; a space after each text object (Skia draws a line of text per object), whitespace collapsed."""
    objs = objects(pdf)
    fonts: dict[int, dict[int, str]] = {}
    for number, (head, _) in objs.items():
        ref = re.search(rb"/ToUnicode (\d+) 0 R", head)
        if ref:
            fonts[number] = _to_unicode(objs[int(ref.group(1))][1] or b"")
    # Resource names (/F6) -> font object; Skia names each font after its object, so one map will do.
    names = {
        name: int(num)
        for block in re.findall(rb"/Font\s*<<(.*?)>>", pdf, re.S)
        for name, num in re.findall(rb"/(\S+?) (\d+) 0 R", block)
    }
    runs: list[str] = []
    for _, data in objs.values():
        if not data or b"Tf" not in data:
            continue
        table: dict[int, str] = {}
        for token in SHOW.finditer(data):
            if token.group(1):
                table = fonts.get(names.get(token.group(1), -1), {})
            elif token.group(2) is not None:
                glyphs = token.group(2)
                runs.append("".join(table.get(int(glyphs[i : i + 4], 16), "") for i in range(0, len(glyphs), 4)))
            else:
                runs.append(" ")
    return re.sub(r"\s+", " ", "".join(runs)).strip()
