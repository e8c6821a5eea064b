a: b: !a <| b
