{ pkgs, ... }: {
  users.users.alice = {
    isNormalUser = true;
    extraGroups = [ "wheel" "networkmanager" ]; # Enable ‘sudo’ for the user.
    packages = with pkgs; [ firefox thunderbird ];
    openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAA alice@host" ];
  };
  security.sudo.wheelNeedsPassword = false;
  fileSystems."/".device = "/dev/disk/by-label/nixos";
  fileSystems."/boot" = { device = "/dev/disk/by-label/boot"; fsType = "vfat"; };
}
