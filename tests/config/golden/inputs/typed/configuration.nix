{ pkgs, ... }:
{
  a.bool = true;
  a.int = 42;
  a.negative = -7;
  a.float = 1.5;
  a.string = "hi \"there\" \${x}";
  a.indented = ''
    line one
      line two
  '';
  a.path = ./secrets/key;
  a.null = null;
  a.list = [ 1 "two" false ];
  a.set = { x = 1; y.z = "deep"; };
  a.package = pkgs.hello;
  a.expr = builtins.toString 5;
}
