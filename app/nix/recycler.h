// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Internal: the big arrays of dropped syntax trees, kept per thread for the
// next parse. Fresh memory costs a page fault per 4 KiB on first touch, and
// for a big file those faults took a third of the parse; an editor re-parses
// a file after each edit and drops the old tree, so the new tree can take
// over the old tree's pages instead.

#pragma once

#include "syntaxtree.h"

#include <cstddef>
#include <vector>

namespace Snowpane::Nix::Detail
{

/** An empty vector with room for at least `count` elements, on a recycled buffer when one fits. */
template<typename T>
[[nodiscard]] std::vector<T> reuseBuffer(std::size_t count);

/** Takes `buffer`'s memory for a later reuseBuffer() on this thread, if it is worth keeping. */
template<typename T>
void recycleBuffer(std::vector<T> &buffer);

} // namespace Snowpane::Nix::Detail
