# The desktop profile: only the desktops import it.
{ pkgs, ... }:
{
  services.xserver.enable = true;
  services.displayManager.sddm.enable = true;
  services.desktopManager.plasma6.enable = true;
  services.printing.enable = true;
  services.pipewire.enable = true;

  networking.networkmanager.enable = true;

  environment.systemPackages = with pkgs; [ firefox ];
}
