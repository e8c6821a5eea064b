a: b: -a == b
