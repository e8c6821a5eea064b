{ config, lib, pkgs, ... }:

let
  myPort = 2222;
  sshEnabled = true;
in
with lib;
{
  services.openssh.enable = mkDefault true;
  services.openssh.ports = lib.mkForce [ 22 ];
  services.openssh.settings.X11Forwarding = mkOverride 900 false;
  services.nginx = mkIf true {
    enable = true;
    recommendedTlsSettings = true;
  };
  networking.firewall.allowedTCPPorts = [ myPort ];
  networking.hostName = lib.mkDefault "wrapped";
  services.fail2ban.enable = sshEnabled;
  services.journald.extraConfig = "SystemMaxUse=${toString 500}M";
  services.avahi = { enable = true; } // { nssmdns4 = true; };
  programs.firefox = mkMerge [
    { enable = true; }
    { languagePacks = [ "de" ]; }
  ];
  time.timeZone = optionalString true "UTC";
  boot.kernelPackages = pkgs.linuxPackages_latest;
  users.users.dave = builtins.fromJSON "{}";
}
