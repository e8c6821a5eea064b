{ config, lib, pkgs, ... }:

{
  environment.systemPackages = with pkgs; [
    vim
    git
  ] ++ lib.optionals false [ steam ];
}
