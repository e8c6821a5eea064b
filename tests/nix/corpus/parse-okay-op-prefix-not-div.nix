a: b: !a / b
