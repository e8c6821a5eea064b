f: a: b: with {}; ((f a) or) b
