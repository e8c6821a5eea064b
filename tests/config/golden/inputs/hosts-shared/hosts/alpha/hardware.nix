# alpha's hardware.
{ ... }:
{
  boot.kernelModules = [ "kvm-intel" ];
}
