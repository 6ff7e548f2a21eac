"""Pure text -> data. No Flask, no database: only the standard library and parsers."""
