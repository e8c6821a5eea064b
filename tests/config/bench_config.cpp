// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_config: the two figures issue 4 asks for. One edit plus its
// verification (apply, byte check, reparse, read back) on a generated
// 5,000-line configuration, and loading a generated 200-file document set.
// Prints medians; asserts nothing.

#include "changeset.h"
#include "definitions.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace Snowpane::Config;
using Clock = std::chrono::steady_clock;

namespace
{

std::string bigConfiguration(std::size_t lines)
{
    std::string text = "{ config, lib, pkgs, ... }:\n\n{\n";
    std::size_t n = 3;
    for (std::size_t i = 0; n < lines - 1; ++i) {
        const std::string service = "service" + std::to_string(i);
        text += "  # Settings of " + service + ".\n";
        text += "  services." + service + " = {\n    enable = true;\n    port = " + std::to_string(1000 + i) + ";\n    settings.name = \"" + service
            + "\";\n  };\n";
        text += "  networking.extra" + std::to_string(i) + " = [ \"a\" \"b\" ];\n\n";
        n += 8;
    }
    text += "}\n";
    return text;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double ms(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

} // namespace

int main()
{
    const std::string text = bigConfiguration(5000);
    std::vector<std::pair<std::string, std::string>> one{{"/bench/configuration.nix", text}};
    const DocumentSet set = DocumentSet::fromTexts(one, "/bench/configuration.nix");
    const std::size_t lineCount = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    std::vector<double> edit;
    std::vector<double> create;
    for (int i = 0; i < 30; ++i) {
        auto t0 = Clock::now();
        const EditResult r = planSet(set,
                                     {
                                         "services",
                                         "service300",
                                         "port",
                                     },
                                     std::to_string(i));
        auto t1 = Clock::now();
        const EditResult c = planSet(set, {"services", "service300", "extra"}, "true");
        auto t2 = Clock::now();
        if (!r.ok || !c.ok) {
            std::fprintf(stderr, "edit failed: %s%s\n", r.error.c_str(), c.error.c_str());
            return 1;
        }
        edit.push_back(ms(t0, t1));
        create.push_back(ms(t1, t2));
    }
    std::printf("5,000-line configuration (%zu lines, %zu bytes): replace one value + verify: median %.2f ms; create one definition + verify: median %.2f ms\n",
                lineCount,
                text.size(),
                median(edit),
                median(create));

    // 200 files: a configuration importing 18 directories of 9 modules plus a default.nix each, and 19 more leaves.
    std::vector<std::pair<std::string, std::string>> files;
    std::string entry = "{ pkgs, ... }:\n{\n  imports = [\n";
    for (int d = 0; d < 18; ++d) {
        entry += "    ./dir" + std::to_string(d) + "\n";
        std::string def = "{\n  imports = [\n";
        for (int m = 0; m < 9; ++m) {
            const std::string name = "m" + std::to_string(m) + ".nix";
            def += "    ./" + name + "\n";
            std::string module = "{ config, lib, pkgs, ... }:\n{\n";
            for (int k = 0; k < 20; ++k) {
                module += "  services.s" + std::to_string(d) + "_" + std::to_string(m) + ".option" + std::to_string(k) + " = lib.mkDefault " + std::to_string(k)
                    + ";\n";
            }
            module += "}\n";
            files.emplace_back("/set/dir" + std::to_string(d) + "/" + name, module);
        }
        def += "  ];\n}\n";
        files.emplace_back("/set/dir" + std::to_string(d) + "/default.nix", def);
    }
    for (int l = 0; l < 19; ++l) {
        entry += "    ./leaf" + std::to_string(l) + ".nix\n";
        files.emplace_back("/set/leaf" + std::to_string(l) + ".nix", "{ networking.leaf" + std::to_string(l) + " = true; }\n");
    }
    entry += "  ];\n}\n";
    files.emplace_back("/set/configuration.nix", entry);
    std::vector<double> loads;
    std::vector<double> finds;
    std::size_t documents = 0;
    for (int i = 0; i < 20; ++i) {
        auto t0 = Clock::now();
        const DocumentSet big = DocumentSet::fromTexts(files, "/set/configuration.nix");
        auto t1 = Clock::now();
        const std::vector<Definition> defs = findDefinitions(big, {"services", "s17_8", "option19"});
        auto t2 = Clock::now();
        documents = big.documents().size();
        if (defs.size() != 1) {
            std::fprintf(stderr, "definition not found\n");
            return 1;
        }
        loads.push_back(ms(t0, t1));
        finds.push_back(ms(t1, t2));
    }
    std::printf("%zu-file document set (in memory, parse + imports): load median %.2f ms; find one option across it: median %.2f ms\n",
                documents,
                median(loads),
                median(finds));
    return 0;
}
