a: b: !a || b
