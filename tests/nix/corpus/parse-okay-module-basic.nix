{ config, pkgs, lib, ... }:

{
  imports = [ ./hardware-configuration.nix ];

  # Use the systemd-boot EFI boot loader.
  boot.loader.systemd-boot.enable = true;
  boot.loader.efi.canTouchEfiVariables = true;

  networking.hostName = "nixos"; # Define your hostname.
  time.timeZone = "Europe/Amsterdam";

  services.openssh = {
    enable = true;
    settings.PasswordAuthentication = false;
  };

  environment.systemPackages = with pkgs; [
    vim
    git
    (python3.withPackages (ps: [ ps.requests ]))
  ];

  networking.firewall.allowedTCPPorts = [ 22 80 443 ];
  system.stateVersion = "24.05";
}
