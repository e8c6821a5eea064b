a: b: !a != b
