{
  config,
  lib,
  ...
}:
{
  networking.hostName = "wide";
  environment.systemPackages = [
    # tools go here
  ];
}
