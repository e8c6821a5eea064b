a: // a
