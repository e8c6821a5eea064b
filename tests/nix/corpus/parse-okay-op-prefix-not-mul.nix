a: b: !a * b
