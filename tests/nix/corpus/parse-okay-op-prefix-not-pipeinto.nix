a: b: !a |> b
