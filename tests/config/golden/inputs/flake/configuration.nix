{ pkgs, ... }:
{
  services.openssh.enable = true;
  environment.systemPackages = with pkgs; [ git ];
  system.stateVersion = "24.11";
}
