a: + a
