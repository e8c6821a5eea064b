{ config
, lib
, ...
}:

{
  networking.hostName = "commas";
  environment.systemPackages = [ ];
}
