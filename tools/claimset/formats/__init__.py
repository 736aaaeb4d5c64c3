"""Conversions between claimset records and the tools annotators and researchers already use.

- `brat`: brat standoff (`.txt` + `.ann` + `annotation.conf`), both ways;
- `label_studio`: Label Studio tasks, labeling config and JSON exports, both ways;
- `spacy_docbin`: a spaCy `DocBin` with the spans in `doc.spans` (export only).

Each module has pure functions from records to the format and back; `graph` holds the claim
structure they share, `corpus` reads and writes a project's documents. See docs/formats.md.
"""
