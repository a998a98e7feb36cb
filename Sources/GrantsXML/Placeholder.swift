// The XML return writer, its XSD and the validator: see the README.
