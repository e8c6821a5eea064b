{ ... }:
{
  services.nginx.virtualHosts."example.org" = {
    root = "/srv/example";
    forceSSL = true;
  };
  "networking".hostName = "quoted";
  ${"time"}.timeZone = "UTC";
  environment.etc."nix/extra.conf".text = ''
    keep-outputs = true
      keep-derivations = true
  '';
  services.openssh.settings."X11Forwarding" = false;
}
