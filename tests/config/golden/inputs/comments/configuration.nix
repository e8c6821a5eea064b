{ pkgs, ... }:

{
  # The machine's name on the network.
  # Keep it short.
  networking.hostName = "commented"; # not "nixos"

  /* Block comment above the time zone. */
  time.timeZone = "UTC";

  services.openssh = {
    # Only keys, never passwords.
    settings.PasswordAuthentication = false; # enforced
    enable = true; /* inline block */
  };

  # A lonely comment that belongs to nobody.

  programs.zsh.enable = true;
  # Trailing comment at the end of the body.
}
