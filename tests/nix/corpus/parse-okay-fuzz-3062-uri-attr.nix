a: b: assert b.b.${x:x} or { inherit ((a."x${b}".enable) /* c */ ++ a.b or b b a ? ${"s"} +  '''' b) a; } && "\${x}$${x}${1 <= b}"; assert x:x a - "" == /etc/nixos; # note
 "\n\${x}\${x}" 1.
