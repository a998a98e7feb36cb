// The XLSX return writer.
