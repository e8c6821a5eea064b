args@{ config, lib, ... }:

{
  networking.hostName = "alias";
  services.openssh.enable = args.lib.mkDefault true;
}
