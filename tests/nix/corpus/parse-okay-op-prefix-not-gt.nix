a: b: !a > b
