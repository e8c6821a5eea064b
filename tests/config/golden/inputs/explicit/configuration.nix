{ config, lib, pkgs, ... }:

{
  imports = [ ./feature.nix ];

  options.local.greeting = lib.mkOption {
    type = lib.types.str;
    default = "hello";
  };

  config = {
    networking.hostName = "explicit";
    services.openssh.enable = true;
  };
}
