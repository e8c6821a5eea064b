{ ... }:
{
  networking.hostName = "box";
  services.tailscale.enable = false;
}
