"""Reads a .qdpx with pyqdpx and prints what it found as JSON; exits 1 when
a selection's text is not its name (the span of its source). Run by
REFIQDAInteropTests. pyqdpx keeps one coding per selection (the first)."""
import contextlib, io, json, sys
from pyqdpx import QDPX

captured = io.StringIO()
with contextlib.redirect_stdout(captured):   # its warnings ("Skipping selection …") are counted below
    qde = QDPX(sys.argv[1]).get_project()
    sources = qde.sources
    codes = qde.codes
problems, selections = [], 0
for s in sources.values():
    for sel in s.coded_selections.values():
        selections += 1
        name = sel._xml_tag.get("name") if getattr(sel, "_xml_tag", None) is not None else None
        if name is not None and sel.text != name:
            problems.append(f"{sel.guid}: text {sel.text!r} != name {name!r}")
warnings = [l for l in captured.getvalue().splitlines() if "Warning" in l or "Error" in l]
result = {
    "users": len(qde.users),
    "codes": len(codes),
    "sources": len(sources),
    "selections": selections,
    "warnings": warnings[:5],
    "warning_count": len(warnings),
    "problems": problems,
}
print(json.dumps(result))
sys.exit(1 if problems or warnings else 0)
