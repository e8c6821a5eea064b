# Command-line tools for every machine.
{ lib, ... }:
{
  environment.systemPackages = [
    # nothing yet
  ];
}
