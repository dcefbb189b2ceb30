"""Reads a .qdc codebook with pyrefiqda and prints its code and set counts as JSON. Run by REFIQDAInteropTests."""
import json, sys
from pyrefiqda import RefiCodebook

book = RefiCodebook.load(sys.argv[1])

def walk(codes):
    for c in codes:
        yield c
        yield from walk(c.code)

codes = list(walk(book.codes.code))
print(json.dumps({"codes": len(codes), "unique_code_names": len({c.name for c in codes}),
                  "coloured_codes": sum(1 for c in codes if c.color), "sets": len(book.sets.set) if book.sets else 0}))
