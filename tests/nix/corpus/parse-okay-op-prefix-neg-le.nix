a: b: -a <= b
