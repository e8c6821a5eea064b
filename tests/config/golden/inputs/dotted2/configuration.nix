{ config, lib, pkgs, ... }:

{
  boot.loader.systemd-boot.enable = true;
  boot.loader.efi.canTouchEfiVariables = true;

  networking.hostName = "laptop";
  networking.firewall.enable = true;
  networking.firewall.allowedTCPPorts = [ 22 80 443 ];

  time.timeZone = "Europe/Berlin";

  services.openssh.enable = true;
  services.openssh.settings.PermitRootLogin = "no";
  services.printing.enable = false;

  programs.git.enable = true;

  environment.systemPackages = with pkgs; [
    vim
    git
    curl
  ];

  system.stateVersion = "24.05";
}
