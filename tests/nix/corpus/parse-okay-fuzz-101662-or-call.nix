a: b: with ("s" - # note
 ./. [ x:x ].b or let { c' = 1.5; inherit a; inherit (b.enable or body) or b;  body = 1; }."a b" or "s".${b} let { x-y = b / body.services.enable.enable == 123456.789;  body = 1; }); if <nixpkgs>.c'.c' or b or == ''
  '' or > -"$" a.b then let x-y = "$".${[ 007 007 ]} < (9223372036854775807.or < b -
enable.${enable} or 1) or; enable /* c */ = "" // [ '''$ $${x}$${x}''.__curPos or a b # note
 ] let { inherit (a or) or b;  body = 1; } rec { enable = 0.1; services = b; "x${-b}" = enable; /* c */ }; in enable // ''text'''
  '' else a
