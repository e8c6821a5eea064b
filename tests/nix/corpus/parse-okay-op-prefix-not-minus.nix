a: b: !a - b
