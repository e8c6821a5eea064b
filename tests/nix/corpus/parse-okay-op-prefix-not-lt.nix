a: b: !a < b
