{
  imports = [ ./a.nix ];
  networking.hostName = "cyclic";
}
