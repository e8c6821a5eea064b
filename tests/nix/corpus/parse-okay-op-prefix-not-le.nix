a: b: !a <= b
