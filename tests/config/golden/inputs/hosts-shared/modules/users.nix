# The people of every host.
{ ... }:
{
  users.users.alice = {
    isNormalUser = true;
    description = "Alice Example";
    extraGroups = [ "wheel" ];
  };
}
