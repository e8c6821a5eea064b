// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "optioncatalog.h"

#include <array>
#include <string>
#include <vector>

namespace Snowpane::Options
{

/** How well an option matched a query, best first. */
enum class MatchTier : quint8 {
    ExactName = 1, ///< the query is the option's name
    LastComponent, ///< the query is the name's last component ("enable")
    ComponentPrefix, ///< the query starts at a component of the name ("services.open", "openssh")
    AllWords, ///< every word of the query occurs in the name
    Fuzzy, ///< every word is a subsequence of the name ("ssh" in "services.openssh.enable", "srvopnssh")
    Description, ///< every word occurs in the description
};

struct SearchHit {
    int index = -1; ///< the option's index in the catalog
    MatchTier tier = MatchTier::Description;
};

/** The hits of one query, best first, and how many options matched in all. */
struct SearchResult {
    std::vector<SearchHit> hits;
    int total = 0;
};

/**
 * Instant search over option names and descriptions, case-insensitive.
 * Results are ordered by MatchTier, then within a tier by the tightness of
 * the match (where it starts, how spread a fuzzy match is) and the name's
 * length, then by name: the same query always gives the same order. Typing
 * one more character only re-examines the options that matched before,
 * because every tier's test of a longer query implies a match of the
 * shorter one. The index holds lower-case copies of names and descriptions.
 */
class OptionSearch
{
public:
    explicit OptionSearch(const OptionCatalog &catalog);

    /** The options matching @p query, best first; at most @p limit hits (all when limit < 0). */
    [[nodiscard]] SearchResult search(QStringView query, int limit = -1);

    /** The tier at which option @p index matches @p query, if it does. */
    [[nodiscard]] std::optional<MatchTier> tierOf(int index, QStringView query) const;

    /** Bytes held by the index. */
    [[nodiscard]] qsizetype memoryUsage() const;

private:
    /// Pairs of adjacent characters, hashed onto 256 bits: a description lacking one of the query's pairs cannot contain it.
    using Bigrams = std::array<quint64, 4>;
    struct Query {
        std::string text; ///< lower-case, words separated by one space
        std::vector<std::string_view> words;
        quint64 mask = 0; ///< the characters of the query, as bits
        bool dotted = false; ///< the query holds a '.', so it cannot be one last component
        bool oneWord = false; ///< the query is a single word: "all words in the name" is "the text in the name"
        Bigrams bigrams{}; ///< the pairs of adjacent characters within its words
    };
    [[nodiscard]] static Query normalize(QStringView query);
    /// The sort key of option @p index for @p query: lower is better; 0 when it does not match.
    [[nodiscard]] quint64 key(int index, const Query &query) const;
    [[nodiscard]] quint64 descriptionKey(int index, const Query &query) const;

    const OptionCatalog &m_catalog;
    std::string m_names; ///< lower-case names, each followed by '\0'
    std::string m_descriptions; ///< lower-case descriptions, each followed by '\0'
    std::vector<quint32> m_nameStart; ///< size()+1 offsets into m_names
    std::vector<quint32> m_descriptionStart; ///< size()+1 offsets into m_descriptions
    // The characters each name and description holds, as bits: most options are ruled out by one AND.
    std::vector<quint64> m_nameMask;
    std::vector<quint64> m_descriptionMask;
    std::vector<Bigrams> m_descriptionBigrams;

    std::string m_lastQuery;
    std::vector<int> m_lastCandidates;
    bool m_hasLast = false;
};

} // namespace Snowpane::Options
