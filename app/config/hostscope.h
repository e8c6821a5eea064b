// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <map>
#include <string>
#include <vector>

namespace Snowpane::Config
{

/** Which reading of a flake's hosts is in use. */
enum class HostReading {
    Evaluation, ///< Nix evaluated the flake: `nixosConfigurations` and `definitionsWithLocations`
    Static, ///< flake.nix and the imports, read without Nix
};

[[nodiscard]] inline const char *hostReadingName(HostReading reading)
{
    return reading == HostReading::Evaluation ? "evaluation" : "static";
}

/**
 * What the chosen host shares with the other hosts of its flake: every host,
 * the hosts that include each file (absolute working-tree paths), the files
 * evaluation found that the static reading did not reach, and which reading
 * all this comes from, with the reason when it is the static one. Empty for
 * a configuration that is not a flake: there every file is the host's own.
 */
struct HostScope {
    std::vector<std::string> hosts;
    std::map<std::string, std::vector<std::string>> fileHosts;
    std::vector<std::string> extraRoots;
    HostReading reading = HostReading::Static;
    std::string why; ///< for the static reading: why evaluation is not used

    /** True when the scope knows other hosts. */
    [[nodiscard]] bool known() const
    {
        return hosts.size() > 1;
    }
    /** The hosts that include `path` (sorted); empty when unknown. */
    [[nodiscard]] std::vector<std::string> hostsOf(const std::string &path) const
    {
        const auto it = fileHosts.find(path);
        return it == fileHosts.end() ? std::vector<std::string>() : it->second;
    }
    /** The hosts other than `host` that include `path`. */
    [[nodiscard]] std::vector<std::string> othersOf(const std::string &path, const std::string &host) const
    {
        std::vector<std::string> out;
        for (const std::string &h : hostsOf(path)) {
            if (h != host) {
                out.push_back(h);
            }
        }
        return out;
    }
};

/** "a, b and c" for messages. */
[[nodiscard]] inline std::string joinNames(const std::vector<std::string> &names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    }
    return out;
}

} // namespace Snowpane::Config
