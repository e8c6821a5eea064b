{
  imports = [ ./b.nix ];
  services.openssh.enable = true;
}
