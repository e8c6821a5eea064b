a: b: !a >= b
