// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer target: any bytes must parse without crashing, reprint exactly,
// and, when valid, print canonically and survive the scope and comment passes.

#include "canonical.h"
#include "comments.h"
#include "parser.h"
#include "scopes.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace Snowpane::Nix;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::string source(reinterpret_cast<const char *>(data), size);
    const SyntaxTree tree = parse(source, {"fuzz.nix", 1000});
    if (tree.print() != source) {
        std::abort();
    }
    (void)tree.dump();
    for (NodeId id = 0; id < tree.nodes().size(); ++id) {
        if (tree.kind(id) == NodeKind::Binding) {
            const AttachedComments c = attachedComments(tree, id);
            if (c.begin > c.end || c.end > source.size()) {
                std::abort();
            }
        }
    }
    if (!tree.hasErrors()) {
        (void)findUndefinedVariables(tree);
        if (!printCanonical(tree, {"/base", "/home"}).ok) {
            std::abort();
        }
    }
    return 0;
}
