args:

{
  networking.hostName = "plain";
}
