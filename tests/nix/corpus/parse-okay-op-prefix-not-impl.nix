a: b: !a -> b
