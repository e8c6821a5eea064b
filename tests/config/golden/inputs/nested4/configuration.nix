{ config, pkgs, ... }:
{
    boot = {
        loader = {
            systemd-boot.enable = true;
            efi.canTouchEfiVariables = true;
        };
    };

    networking = {
        hostName = "desk";
        firewall = {
            enable = true;
            allowedTCPPorts = [ 22 ];
        };
    };

    services = {
        openssh = {
            enable = true;
            settings = {
                PasswordAuthentication = false;
            };
        };
        printing.enable = true;
    };

    users.users.bob = {
        isNormalUser = true;
        extraGroups = [ "wheel" ];
    };

    environment.systemPackages = [
        pkgs.vim
        pkgs.git
    ];

    system.stateVersion = "24.05";
}
