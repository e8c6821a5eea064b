// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "recycler.h"

#include <array>
#include <cstdint>

namespace Snowpane::Nix::Detail
{
namespace
{

// Small buffers are cheap to get from malloc, whose pages stay mapped; huge
// ones are not worth holding on to.
constexpr std::size_t minBytes = std::size_t{64} << 10;
constexpr std::size_t maxBytes = std::size_t{64} << 20;

// Two buffers per element type: a tree has two arrays of 32-bit integers
// (token offsets and parents).
template<typename T>
struct Pool {
    std::array<std::vector<T>, 2> slots;
};

// The pool lives behind a plain pointer, so that a tree destroyed after the
// thread's pool (a static tree at exit) finds none instead of a dead object.
// The pool is created by the first reuseBuffer() of a thread; a parse after
// the pool is gone (from a destructor at exit) gets plain buffers.
template<typename T>
thread_local Pool<T> *pool = nullptr;
template<typename T>
thread_local bool poolDestroyed = false;

template<typename T>
struct PoolOwner {
    PoolOwner()
    {
        pool<T> = &owned;
    }
    ~PoolOwner()
    {
        pool<T> = nullptr;
        poolDestroyed<T> = true;
    }
    Pool<T> owned;
};

template<typename T>
Pool<T> *threadPool()
{
    if (poolDestroyed<T>) {
        return nullptr;
    }
    thread_local PoolOwner<T> owner;
    return pool<T>;
}

} // namespace

template<typename T>
std::vector<T> reuseBuffer(std::size_t count)
{
    if (Pool<T> *p = threadPool<T>()) {
        for (std::vector<T> &slot : p->slots) {
            // Not more than twice what is needed: a small file must not
            // keep a big file's buffer.
            if (slot.capacity() >= count && slot.capacity() <= 2 * count + 16) {
                std::vector<T> out = std::move(slot);
                slot = {};
                out.clear();
                return out;
            }
        }
    }
    std::vector<T> out;
    out.reserve(count);
    return out;
}

template<typename T>
void recycleBuffer(std::vector<T> &buffer)
{
    const std::size_t bytes = buffer.capacity() * sizeof(T);
    if (bytes < minBytes || bytes > maxBytes) {
        return;
    }
    // Only a thread that parses keeps buffers: one that merely drops trees
    // (or has already destroyed its pools) lets them go.
    Pool<T> *const p = pool<T>;
    if (p == nullptr) {
        return;
    }
    // Replace the smaller of the two: the buffers of the biggest recent
    // trees are the ones whose pages are costly to fault in again.
    std::vector<T> &slot = p->slots[0].capacity() <= p->slots[1].capacity() ? p->slots[0] : p->slots[1];
    if (slot.capacity() < buffer.capacity()) {
        slot = std::move(buffer);
        buffer = {};
    }
}

template std::vector<std::uint32_t> reuseBuffer<std::uint32_t>(std::size_t);
template std::vector<TokenKind> reuseBuffer<TokenKind>(std::size_t);
template std::vector<Node> reuseBuffer<Node>(std::size_t);
template void recycleBuffer<std::uint32_t>(std::vector<std::uint32_t> &);
template void recycleBuffer<TokenKind>(std::vector<TokenKind> &);
template void recycleBuffer<Node>(std::vector<Node> &);

} // namespace Snowpane::Nix::Detail
