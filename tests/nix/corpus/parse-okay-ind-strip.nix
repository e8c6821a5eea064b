''
  a
    b
  c
''