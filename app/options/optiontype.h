// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace Snowpane::Options
{

/**
 * One node of an option's type, parsed from the description string NixOS
 * writes into options.json (`type.description` of lib/types.nix). Composite
 * nodes (`list of X`, `null or X`, `X or Y`, ...) own their element types in
 * `children`; leaves carry the constraints their description states (integer
 * ranges, enum values, a string pattern or separator). A string the parser
 * does not know becomes `Other` with its raw text, never an error.
 */
struct OptionType {
    enum class Kind {
        Boolean,
        Integer, ///< every integer form; the range, when stated, is in minimum/maximum
        Float,
        Number, ///< "integer or floating point number", with an optional range
        String, ///< plain, non-empty, single-line, separated ("strings concatenated with") or matching a pattern
        Path,
        Package,
        Null,
        Enum, ///< "one of ...", and "value ... (singular enum)"
        Nullable, ///< "null or X": children[0] is X
        List, ///< "list of X": children[0] is X
        AttrsOf, ///< "attribute set of X", "lazy attribute set of X": children[0] is X
        Either, ///< "X or Y [or Z...]": the alternatives, in order
        Function, ///< "function that evaluates to a(n) X": children[0] is X
        Submodule, ///< "submodule", "module", "open submodule of X"
        Attrs, ///< "attribute set" without an element type
        Structured, ///< "JSON value", "TOML value", "YAML value", "anything", "raw value", ...
        Other, ///< not understood: `text` is the raw description
    };

    Kind kind = Kind::Other;
    /// The description this node was parsed from (for Other, the only information).
    QString text;
    std::vector<OptionType> children;

    // Integer and Number ranges, both inclusive.
    std::optional<qint64> minimum;
    std::optional<qint64> maximum;
    std::optional<double> floatMinimum;
    std::optional<double> floatMaximum;
    bool exclusiveMinimum = false; ///< Number: "meaning >0", greater than floatMinimum
    /// Integer: the number of bits of the sized forms ("16 bit unsigned integer"), else 0.
    int bits = 0;

    // String constraints.
    bool nonEmpty = false;
    bool singleLine = false;
    bool absolute = false; ///< Path: "absolute path"; String: none
    bool inStore = false; ///< Path: "path in the Nix store"
    bool lazy = false; ///< AttrsOf: "lazy attribute set of"
    bool coerced = false; ///< Either: "FINAL or FROM convertible to it" (types.coercedTo: children[0] is the final type)
    std::optional<QString> separator; ///< "strings concatenated with SEP"
    std::optional<QString> pattern; ///< "string matching the pattern P" (a POSIX ERE matched whole)
    QStringList forbiddenCharacters; ///< ", not containing newlines or colons" and similar

    /// Enum values as Nix shows them: JSON for strings (`"a"`), plain text for numbers and booleans.
    QStringList enumValues;
    /// Enum: the values decoded (strings unquoted), in the same order as enumValues.
    QStringList enumTexts;

    /** The type tree of a description string, as NixOS writes it. Never fails: unknown text becomes Other. */
    [[nodiscard]] static OptionType parse(QStringView description);

    /** A compact one-line rendering of the tree, for tests and `snowpane-cli options show`, such as `list(nullable(int[0..65535]))`. */
    [[nodiscard]] QString toDebugString() const;

    /** The name of @p kind in the debug string and in JSON (`"boolean"`, `"list"`, ...). */
    [[nodiscard]] static QString kindName(Kind kind);
};

} // namespace Snowpane::Options
