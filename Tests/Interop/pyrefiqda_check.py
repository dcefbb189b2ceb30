"""Reads a .qdpx with pyrefiqda and prints what it found as JSON; exits 1
when a selection's text is not its source's span. Run by REFIQDAInteropTests."""
import json, sys, tempfile
from pathlib import Path
from pyrefiqda import RefiProject

path = sys.argv[1]
extract = tempfile.mkdtemp(prefix="pyrefiqda-")
project = RefiProject.load(path, extract_dir=extract)

def walk(codes):
    for c in codes:
        yield c
        yield from walk(c.code)

codes = list(walk(project.code_book.codes.code))
problems, selections, codings = [], 0, 0
for s in project.sources.text_source:
    text_file = Path(extract) / "sources" / s.plain_text_path.removeprefix("internal://")
    text = text_file.read_text(encoding="utf-8")
    for sel in s.plain_text_selection:
        selections += 1
        codings += len(sel.coding)
        span = text[int(sel.start_position):int(sel.end_position)]
        if span != sel.name:
            problems.append(f"{sel.guid}: span {span!r} != name {sel.name!r}")
result = {
    "users": len(project.users.user) if project.users else 0,
    "codes": len(codes),
    "codable_codes": sum(1 for c in codes if c.is_codable),
    "unique_code_names": len({c.name for c in codes}),
    "coloured_codes": sum(1 for c in codes if c.color),
    "cases": len(project.cases.case) if project.cases else 0,
    "case_selection_refs": sum(len(c.selection_ref) for c in project.cases.case) if project.cases else 0,
    "sources": len(project.sources.text_source),
    "selections": selections,
    "codings": codings,
    "sets": len(project.sets.set) if project.sets else 0,
    "problems": problems,
}
print(json.dumps(result))
sys.exit(1 if problems else 0)
