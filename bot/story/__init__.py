"""Stories: decoding, formats, structure, rendering and storage. No Discord here."""
