f: a: with {}; (f a) or
