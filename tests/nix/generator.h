// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstdint>
#include <string>

namespace Snowpane::Nix::Testing
{

/** A small, fast, reproducible random source (splitmix64), identical on every platform. */
class Rng
{
public:
    explicit Rng(std::uint64_t seed)
        : m_state(seed)
    {
    }
    [[nodiscard]] std::uint64_t next();
    /** Uniform in [0, n). */
    [[nodiscard]] std::uint32_t below(std::uint32_t n)
    {
        return n == 0 ? 0 : static_cast<std::uint32_t>(next() % n);
    }
    [[nodiscard]] bool chance(std::uint32_t percent)
    {
        return below(100) < percent;
    }

private:
    std::uint64_t m_state;
};

/**
 * A random Nix expression drawn from the whole grammar: every operator, all
 * string and path forms, sets with dotted and dynamic names, inherits,
 * lambdas with formals, let, with, assert, if, the `or` quirks, comments and
 * odd whitespace. Most variables are bound, so most programs are valid; with
 * `mutate`, a few tokens are then deleted, duplicated or swapped, so that
 * many are not. Used for differential fuzzing against Nix.
 */
[[nodiscard]] std::string randomProgram(std::uint64_t seed, bool mutate);

/**
 * A realistic NixOS module in the style of a hand-written configuration:
 * options with mkOption and types, services, users, packages lists,
 * systemd units with indented-string scripts, comments. Each seed gives a
 * different module of a few kilobytes.
 */
[[nodiscard]] std::string nixosModule(std::uint64_t seed);

} // namespace Snowpane::Nix::Testing
