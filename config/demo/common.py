"""What the seed modules share: the note on organisations that are ours, not the documents'."""

DEMO_NOTE = "Demo data: this organisation is not in the source document; it exists so the demo has "
