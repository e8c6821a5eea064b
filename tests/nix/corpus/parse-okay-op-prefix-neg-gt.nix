a: b: -a > b
