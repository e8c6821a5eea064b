{ config, ... }:

{
  networking.hostName = "tiny";
  services.openssh.enable = true;
}
