{ config, lib, hostName ? "defaults", ... }:

{
  networking.hostName = hostName;
}
