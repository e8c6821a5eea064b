{ ... }:
{
  networking.hostName = "bare";
}
