''a
  b
  c''