x: ''
    a
  ${x} b
''