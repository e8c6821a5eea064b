a: b: -a != b
