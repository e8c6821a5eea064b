a: b: -a - b
