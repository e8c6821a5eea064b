{ pkgs, ... }:
{
	networking.hostName = "tabby";
	services = {
		openssh.enable = true;
		nginx = {
			enable = true;
			virtualHosts."example.org".root = "/srv/www";
		};
	};
	environment.systemPackages = with pkgs; [
		htop
	];
	system.stateVersion = "24.05";
}
