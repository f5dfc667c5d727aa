"""Reading and checking the editors' YAML: file names, the safe reader and its error words, the record model, the rules across records, translation state, and the JSON Schema editors' tools read."""
