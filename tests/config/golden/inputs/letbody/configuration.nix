{ config, pkgs, ... }:

let
  user = "frank";
in
{
  users.users.${user}.isNormalUser = true;
  networking.hostName = "let-body";
  services.openssh.enable = true;
  environment.systemPackages = with pkgs; [ tmux ];
}
