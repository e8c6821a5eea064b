// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QtGlobal>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

namespace Snowpane::System
{

/**
 * Store path ids (the Nix database's `ValidPaths.id`) to their position in a
 * closure walk. A walk looks up every reference it meets, four per path or
 * so; one flat array with linear probing does that without a node
 * allocation per path, as std::unordered_map would. Ids are rowids, never
 * negative, so -1 marks a free slot.
 */
class StorePathIdIndex
{
public:
    explicit StorePathIdIndex(size_t expected = 1024)
    {
        m_slots.resize(std::bit_ceil(std::max<size_t>(expected * 2, 64)));
        m_shift = 64 - std::countr_zero(m_slots.size());
    }

    /// The position of @p id, after adding it at @p next when it was not there; second is whether it was added.
    std::pair<qint32, bool> tryInsert(qint64 id, qint32 next)
    {
        if ((m_size + 1) * 2 > m_slots.size()) {
            grow();
        }
        Slot &slot = find(id);
        if (slot.id == id) {
            return {slot.position, false};
        }
        slot = {id, next};
        ++m_size;
        return {next, true};
    }

private:
    struct Slot {
        qint64 id = -1;
        qint32 position = -1;
    };

    Slot &find(qint64 id)
    {
        // Fibonacci hashing: consecutive rowids, the usual case, spread evenly.
        size_t at = size_t((std::uint64_t(id) * 0x9E3779B97F4A7C15ULL) >> m_shift);
        const size_t mask = m_slots.size() - 1;
        while (m_slots[at].id != -1 && m_slots[at].id != id) {
            at = (at + 1) & mask;
        }
        return m_slots[at];
    }

    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        --m_shift;
        for (const Slot &slot : old) {
            if (slot.id != -1) {
                find(slot.id) = slot;
            }
        }
    }

    std::vector<Slot> m_slots;
    int m_shift = 0;
    size_t m_size = 0;
};

} // namespace Snowpane::System
