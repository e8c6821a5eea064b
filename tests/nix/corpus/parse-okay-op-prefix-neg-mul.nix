a: b: -a * b
