{
  description = "A flake with one host";

  inputs.nixpkgs.url = "path:../nixpkgs";

  outputs = { self, nixpkgs }: {
    nixosConfigurations.box = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ./configuration.nix
        ./hosts/box.nix
        {
          networking.domain = "example.org";
        }
      ];
    };
  };
}
