a: b: -a / b
