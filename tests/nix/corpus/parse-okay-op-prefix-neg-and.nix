a: b: -a && b
