final: prev: {
  hello = prev.hello.overrideAttrs (old: {
    patches = (old.patches or [ ]) ++ [ ./fix.patch ];
    doCheck = !prev.stdenv.hostPlatform.isDarwin && old.doCheck or true;
  });
  myScript = prev.writeShellScriptBin "my-script" ''
    echo "hello ''${USER}"
    exec ${prev.hello}/bin/hello "$@"
  '';
}
