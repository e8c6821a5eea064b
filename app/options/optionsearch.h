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
    WholeComponent, ///< every word of the query is one or more whole components of the name ("openssh", "services.openssh", "enable")
    PartOfComponent, ///< every word occurs in the name, some inside a component ("ssh" in "services.openssh.enable", "firewall ports")
    Fuzzy, ///< every word is a subsequence of the name ("srvopnssh")
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
 * Results are ordered by MatchTier; within a tier, by the share of its
 * component a match covers ("ssh" covers more of "openssh" than of
 * "sshguard-exporter"), then by how shallow the matched component is, then
 * options under `services.` and `programs.` first, then the `.enable`
 * switch of the matched component before its other options, then by the
 * name's depth and length, then catalog order. So the same query always
 * gives the same order; typing a service's name ("openssh", "nginx",
 * "printing") puts `services.<name>.enable` first and the service's other
 * options right after it; and "hostname" puts `networking.hostName` before
 * the `hostName` of every service, because its match is shallower.
 * Typing one more character only re-examines the options that matched
 * before, because what matches a longer query (in any tier) also matches
 * the shorter one. The index holds lower-case copies of names and
 * descriptions.
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
    std::vector<quint8> m_nameShape; ///< depth, under services./programs., ends in .enable: the ranking's tie-breaks, ready
    std::vector<quint64> m_descriptionMask;
    std::vector<Bigrams> m_descriptionBigrams;

    std::string m_lastQuery;
    std::vector<int> m_lastCandidates;
    bool m_hasLast = false;
};

} // namespace Snowpane::Options
