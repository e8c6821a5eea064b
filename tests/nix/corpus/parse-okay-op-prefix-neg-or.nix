a: b: -a || b
