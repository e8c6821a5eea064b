a: b: -a < b
