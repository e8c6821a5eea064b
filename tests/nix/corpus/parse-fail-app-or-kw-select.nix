f: a: f
  (a.b or)