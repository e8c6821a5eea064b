a: && a
