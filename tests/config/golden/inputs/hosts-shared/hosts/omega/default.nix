# omega: its module is computed, so no new definition can be written into it.
{ lib, ... }:
lib.mkMerge [
  { networking.hostName = "omega"; }
]
