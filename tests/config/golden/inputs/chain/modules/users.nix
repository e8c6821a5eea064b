{ pkgs, ... }:
{
  users.users.erin = {
    isNormalUser = true;
    packages = with pkgs; [ ripgrep ];
  };
}
