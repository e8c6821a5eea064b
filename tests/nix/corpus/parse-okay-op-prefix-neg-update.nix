a: b: -a // b
