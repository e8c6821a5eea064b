a: |> a
