a: b: -a >= b
