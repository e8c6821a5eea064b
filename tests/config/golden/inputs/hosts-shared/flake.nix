# Several hosts made the way most flakes make them: a mkHost function,
# lib.genAttrs over a list of names, a base module every host imports and a
# desktop profile only the desktops import.
{
  description = "Snowpane fixture: a flake with several hosts made by helper functions";

  inputs.nixpkgs.url = "path:../nixpkgs";

  outputs = { self, nixpkgs }:
    let
      lib = nixpkgs.lib;
      # One host: the shared base, the host's own directory, and extra modules.
      mkHost = name: extraModules:
        lib.nixosSystem {
          system = "x86_64-linux";
          modules = [
            ./modules/base.nix
            ./hosts/${name}
          ] ++ extraModules;
        };
      desktops = [ "alpha" "beta" ];
    in
    {
      nixosConfigurations =
        lib.genAttrs desktops (name: mkHost name [ ./profiles/desktop.nix ])
        // {
          gamma = mkHost "gamma" [ ];
          omega = mkHost "omega" [ ];
          delta = lib.nixosSystem {
            system = "x86_64-linux";
            modules = [
              ./modules/base.nix
              ./hosts/delta/configuration.nix
            ];
          };
        };
    };
}
