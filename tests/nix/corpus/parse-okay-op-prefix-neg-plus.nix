a: b: -a + b
