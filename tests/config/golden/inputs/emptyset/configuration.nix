{ config, pkgs, ... }: { }
