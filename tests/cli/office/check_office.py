#!/usr/bin/python3
"""check_office.py structure|render STAGEGAP: the Word and OpenDocument files of
`stagegap assess --format docx|odt` as their readers see them (docs/office-formats.md).

Each case below is written as .docx, .odt and markdown by the real binary.

structure: python-docx and odfpy (Debian's python3-docx, python3-odf) open each file.
  Its headings are real headings, the same, in the same order and at the same levels as
  markdown's "#", "##" and "###" lines (Word: the Heading 1-3 styles, each with its
  outline level; OpenDocument: text:h with text:outline-level); it has as many tables as
  markdown, each with a header row (Word: repeated on each page; OpenDocument:
  table:table-header-rows) and a row of data; no paragraph of the body is empty; the
  page is A4; the document's title is the report's.
render: LibreOffice (soffice --headless, a profile of its own in a temporary directory,
  so runs side by side never share one) converts each file to PDF: A4 pages, at least
  one, every heading's text and the first table's header and first row found in the
  PDF's text (pdftotext), and the first page rendered (pdftoppm) to a PNG and to a
  greyscale image that is not blank.

Registered by tests/CMakeLists.txt only where the full tier is set up
(scripts/setup.sh --tests, STAGEGAP_FULL_TESTS), which installs these tools; there it
fails, never skips, when one is missing. Exit 0 pass, 1 fail."""
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

CASES = [
    ("plan", ["--plan", "data/examples/eastbrook-plan.yaml",
              "data/examples/eastbrook-mid-implementation.yaml"]),
    ("westvale", ["data/examples/westvale-sustaining.yaml"]),
    ("northmoor", ["data/examples/northmoor-just-launched.yaml"]),
    ("by-team", ["--by", "team", "tests/fixtures/survey"]),
]

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print(f"FAIL: {what}")


def norm(s):
    return " ".join(unicodedata.normalize("NFKC", s).split())


def markdown_outline(md):
    """The headings (level, text) and the number of tables of a markdown report."""
    heads, tables = [], 0
    for line in md.splitlines():
        m = re.match(r"^(#{1,3}) (.*)$", line)
        if m:
            text = re.sub(r"\\(.)", r"\1", m.group(2)).replace("`", "").replace("**", "")
            heads.append((len(m.group(1)), norm(text)))
        if re.match(r"^\|( -{3,}:? \|)+$", line):
            tables += 1
    return heads, tables


def write(stagegap, tmp, name, args):
    paths = {}
    for fmt in ("docx", "odt", "markdown"):
        path = os.path.join(tmp, f"{name}.{fmt}")
        r = subprocess.run([stagegap, "assess", "--format", fmt, "--output", path] + args,
                           stderr=subprocess.PIPE)
        check(r.returncode == 0, f"{name}: assess --format {fmt} exit {r.returncode}: "
                                 f"{r.stderr.decode()[:300]}")
        paths[fmt] = path
    return paths


def structure_docx(name, path, heads, n_tables):
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Mm
    d = docx.Document(path)
    got = []
    for p in d.paragraphs:
        check(p.text.strip() != "", f"{name}.docx: an empty paragraph (style {p.style.name})")
        if p.style.name.startswith("Heading "):
            level = int(p.style.name.split()[1])
            got.append((level, norm(p.text)))
            lvl = p.style.element.pPr.find(qn("w:outlineLvl"))
            check(lvl is not None and lvl.get(qn("w:val")) == str(level - 1),
                  f"{name}.docx: style {p.style.name} has no outline level {level - 1}")
    check(got == heads, f"{name}.docx: headings differ from markdown's:\n  {got[:6]}...\n  "
                        f"{heads[:6]}...")
    check(len(d.tables) == n_tables,
          f"{name}.docx: {len(d.tables)} tables, markdown has {n_tables}")
    for k, t in enumerate(d.tables):
        check(len(t.rows) >= 2, f"{name}.docx: table {k + 1} has no row of data")
        tr_pr = t.rows[0]._tr.trPr
        check(tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None,
              f"{name}.docx: table {k + 1}'s first row is not a repeated header row")
        check(t.rows[0].cells[0].text.strip() != "",
              f"{name}.docx: table {k + 1}'s header starts empty")
    s = d.sections[0]
    check(abs(s.page_width - Mm(210)) < Mm(0.5) and abs(s.page_height - Mm(297)) < Mm(0.5),
          f"{name}.docx: the page is not A4")
    check(norm(d.core_properties.title) == heads[0][1], f"{name}.docx: title "
                                                       f"{d.core_properties.title!r}")
    return d


def structure_odt(name, path, heads, n_tables):
    from odf import table, teletype, text
    from odf.namespaces import TABLENS, TEXTNS
    from odf.opendocument import load
    d = load(path)
    got = [(int(h.getAttribute("outlinelevel")), norm(teletype.extractText(h)))
           for h in d.getElementsByType(text.H)]
    check(got == heads, f"{name}.odt: headings differ from markdown's:\n  {got[:6]}...\n  "
                        f"{heads[:6]}...")
    for node in d.text.childNodes:
        if node.qname == (TEXTNS, "p"):
            check(teletype.extractText(node).strip() != "", f"{name}.odt: an empty paragraph")
    tables = d.getElementsByType(table.Table)
    check(len(tables) == n_tables, f"{name}.odt: {len(tables)} tables, markdown has {n_tables}")
    for k, t in enumerate(tables):
        header = [c for c in t.childNodes if c.qname == (TABLENS, "table-header-rows")]
        check(len(header) == 1 and len(header[0].getElementsByType(table.TableRow)) == 1,
              f"{name}.odt: table {k + 1} has no header row")
        body = [c for c in t.childNodes if c.qname == (TABLENS, "table-row")]
        check(len(body) >= 1, f"{name}.odt: table {k + 1} has no row of data")
    page = d.getElementsByType(__import__("odf.style", fromlist=["x"]).PageLayoutProperties)
    check(any(p.getAttribute("pagewidth") == "21cm" and p.getAttribute("pageheight") == "29.7cm"
              for p in page), f"{name}.odt: the page is not A4")
    meta = teletype.extractText(d.meta.getElementsByType(__import__(
        "odf.dc", fromlist=["x"]).Title)[0])
    check(norm(meta) == heads[0][1], f"{name}.odt: title {meta!r}")


def first_table_cells(path):
    """The first table's header and first data row, as python-docx reads them."""
    import docx
    t = docx.Document(path).tables[0]
    return [c.text for c in t.rows[0].cells] + [c.text for c in t.rows[1].cells]


def render(name, path, tmp, heads, cells):
    out = os.path.join(tmp, "pdf-" + os.path.basename(path))
    os.makedirs(out, exist_ok=True)
    profile = "file://" + os.path.join(tmp, "lo-profile-" + os.path.basename(path))
    r = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", out, path],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    pdf = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".pdf")
    if not os.path.exists(pdf):
        check(False, f"{name}: LibreOffice made no PDF: {r.stdout.decode()[-500:]}")
        return
    info = subprocess.run(["pdfinfo", pdf], stdout=subprocess.PIPE, check=True).stdout.decode()
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+(.*)$", info, re.M).group(1)
    print(f"{os.path.basename(path)}: {pages} pages, {size}")
    check(pages >= 1, f"{name}: no page")
    check("(A4)" in size, f"{name}: page size {size}")
    words = norm(subprocess.run(["pdftotext", pdf, "-"], stdout=subprocess.PIPE,
                                check=True).stdout.decode())
    for level, h in heads:
        check(h in words, f"{name}: heading {h!r} not in the PDF's text")
    for c in cells:
        check(norm(c) in words, f"{name}: table cell {c!r} not in the PDF's text")
    png = os.path.join(out, "page")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", pdf,
                    png], check=True)
    check(os.path.getsize(png + ".png") > 2000, f"{name}: the first page's PNG is tiny")
    subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", "-singlefile", pdf,
                    png], check=True)
    with open(png + ".pgm", "rb") as f:
        data = f.read()
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    pixels = data[m.end():]
    dark = sum(1 for b in pixels if b < 128)
    check(dark > len(pixels) // 200, f"{name}: the first page is blank ({dark} dark pixels)")


def main():
    mode, stagegap = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in CASES:
            paths = write(stagegap, tmp, name, args)
            if failures:
                break
            with open(paths["markdown"], encoding="utf-8") as f:
                heads, n_tables = markdown_outline(f.read())
            check(len(heads) > 3 and heads[0][0] == 1, f"{name}: markdown has no outline")
            print(f"{name}: {len(heads)} headings, {n_tables} tables")
            if mode == "structure":
                structure_docx(name, paths["docx"], heads, n_tables)
                structure_odt(name, paths["odt"], heads, n_tables)
            else:
                cells = first_table_cells(paths["docx"])
                render(f"{name}.docx", paths["docx"], tmp, heads, cells)
                render(f"{name}.odt", paths["odt"], tmp, heads, cells)
    print(f"office {mode}: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
