a: -> a
