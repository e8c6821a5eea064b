// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Writes the realistic corpus to a directory: NixOS modules until at least
// the requested size.
//
//   nix-gen-corpus DIR [BYTES]        (default 2.5 MB)

#include "generator.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: nix-gen-corpus DIR [BYTES]\n");
        return 2;
    }
    const std::filesystem::path dir(argv[1]);
    const std::size_t target = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 2'500'000;
    std::filesystem::create_directories(dir);
    std::size_t total = 0;
    std::uint64_t seed = 0;
    while (total < target) {
        const std::string module = Snowpane::Nix::Testing::nixosModule(seed);
        std::ofstream(dir / ("module-" + std::to_string(seed) + ".nix"), std::ios::binary) << module;
        total += module.size();
        ++seed;
    }
    std::printf("%llu modules, %zu bytes in %s\n", static_cast<unsigned long long>(seed), total, dir.c_str());
    return 0;
}
