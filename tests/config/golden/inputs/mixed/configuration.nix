{ config, lib, pkgs, ... }:

{
  services = {
    openssh.enable = true;
    avahi = { enable = true; nssmdns4 = true; };
  };
  services.nginx.enable = false;
  services.nginx.recommendedGzipSettings = true;

  networking = { hostName = "mixed"; };
  networking.firewall.allowedUDPPorts = [ 5353 ];

  hardware.bluetooth = {
    enable = true;
    powerOnBoot = false;
  };

  users.users.carol.isNormalUser = true;
  users.users.carol.description = "Carol";
}
