a: b: a.x -> b.y or a
