// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "optionsearch.h"

#include <algorithm>

#include <string.h>

namespace Snowpane::Options
{

namespace
{

constexpr int tierShift = 56;
constexpr int positionShift = 40;
constexpr int lengthShift = 24;
constexpr quint64 indexMask = (quint64(1) << lengthShift) - 1;

// glibc's memmem is much faster than std::string_view::find for short needles whose first letter is common.
[[nodiscard]] bool contains(std::string_view haystack, std::string_view needle)
{
    return memmem(haystack.data(), haystack.size(), needle.data(), needle.size()) != nullptr;
}

// One bit per character class: a letter, a digit, '.', '-', '_', and the remaining bytes folded onto the rest.
[[nodiscard]] quint64 characterBit(unsigned char c)
{
    if (c >= 'a' && c <= 'z') {
        return quint64(1) << (c - 'a');
    }
    if (c >= '0' && c <= '9') {
        return quint64(1) << (26 + c - '0');
    }
    switch (c) {
    case '.':
        return quint64(1) << 36;
    case '-':
        return quint64(1) << 37;
    case '_':
        return quint64(1) << 38;
    case ' ':
        return 0;
    default:
        return quint64(1) << (39 + c % 25);
    }
}

void addBigram(std::array<quint64, 4> &bigrams, unsigned char first, unsigned char second)
{
    const unsigned bit = (first * 31u + second) & 255u;
    bigrams[bit >> 6] |= quint64(1) << (bit & 63);
}

[[nodiscard]] std::array<quint64, 4> bigramsOf(std::string_view text)
{
    std::array<quint64, 4> bigrams{};
    for (size_t i = 1; i < text.size(); ++i) {
        addBigram(bigrams, static_cast<unsigned char>(text[i - 1]), static_cast<unsigned char>(text[i]));
    }
    return bigrams;
}

// Appends @p text in lower case and returns the characters it holds, as bits.
quint64 appendLower(std::string &out, QUtf8StringView text)
{
    quint64 mask = 0;
    for (const char c : std::string_view(text.data(), text.size())) {
        const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        out.push_back(lower);
        mask |= characterBit(static_cast<unsigned char>(lower));
    }
    return mask;
}

// Whether @p word is a subsequence of @p text, and over how many characters the first such match spreads.
[[nodiscard]] std::optional<size_t> subsequenceSpan(std::string_view text, std::string_view word)
{
    size_t position = 0;
    size_t first = std::string_view::npos;
    for (const char c : word) {
        position = text.find(c, position);
        if (position == std::string_view::npos) {
            return std::nullopt;
        }
        if (first == std::string_view::npos) {
            first = position;
        }
        ++position;
    }
    return first == std::string_view::npos ? 0 : position - first;
}

[[nodiscard]] quint64 pack(MatchTier tier, size_t position, size_t length, int index)
{
    return (quint64(tier) << tierShift) | (quint64(std::min<size_t>(position, 0xffff)) << positionShift)
        | (quint64(std::min<size_t>(length, 0xffff)) << lengthShift) | (quint64(index) & indexMask);
}

} // namespace

OptionSearch::OptionSearch(const OptionCatalog &catalog)
    : m_catalog(catalog)
{
    const int count = catalog.size();
    m_nameStart.reserve(count + 1);
    m_nameMask.reserve(count);
    m_descriptionMask.reserve(count);
    m_descriptionBigrams.reserve(count);
    m_descriptionStart.reserve(count + 1);
    for (int i = 0; i < count; ++i) {
        m_nameStart.push_back(static_cast<quint32>(m_names.size()));
        m_nameMask.push_back(appendLower(m_names, catalog.name(i)));
        m_names.push_back('\0');
        m_descriptionStart.push_back(static_cast<quint32>(m_descriptions.size()));
        const size_t start = m_descriptions.size();
        m_descriptionMask.push_back(appendLower(m_descriptions, catalog.descriptionView(i)));
        m_descriptionBigrams.push_back(bigramsOf(std::string_view(m_descriptions).substr(start)));
        m_descriptions.push_back('\0');
    }
    m_nameStart.push_back(static_cast<quint32>(m_names.size()));
    m_descriptionStart.push_back(static_cast<quint32>(m_descriptions.size()));
}

OptionSearch::Query OptionSearch::normalize(QStringView query)
{
    Query normalized;
    const QByteArray utf8 = query.toUtf8();
    bool space = true;
    for (const char c : utf8) {
        if (c == ' ' || c == '\t' || c == '\n') {
            space = true;
            continue;
        }
        if (space && !normalized.text.empty()) {
            normalized.text.push_back(' ');
        }
        space = false;
        normalized.text.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        normalized.mask |= characterBit(static_cast<unsigned char>(normalized.text.back()));
    }
    normalized.dotted = normalized.text.find('.') != std::string::npos;
    normalized.oneWord = normalized.text.find(' ') == std::string::npos;
    std::string_view rest = normalized.text;
    while (!rest.empty()) {
        const size_t end = rest.find(' ');
        normalized.words.push_back(rest.substr(0, end));
        const auto wordBigrams = bigramsOf(normalized.words.back());
        for (size_t i = 0; i < wordBigrams.size(); ++i) {
            normalized.bigrams[i] |= wordBigrams[i];
        }
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    return normalized;
}

quint64 OptionSearch::key(int index, const Query &query) const
{
    // Every tier needs every character of the query in the name, or else in the description.
    if ((m_nameMask[index] & query.mask) != query.mask) {
        return (m_descriptionMask[index] & query.mask) == query.mask ? descriptionKey(index, query) : 0;
    }
    const std::string_view name(m_names.data() + m_nameStart[index], m_nameStart[index + 1] - m_nameStart[index] - 1);
    const std::string_view &text = query.text;
    if (name == text) {
        return pack(MatchTier::ExactName, 0, name.size(), index);
    }
    // The last component: the text ends the name, right after a dot (a dotted query spans components).
    if (!query.dotted && name.size() > text.size() && name.ends_with(text) && name[name.size() - text.size() - 1] == '.') {
        return pack(MatchTier::LastComponent, 0, name.size(), index);
    }
    // The first occurrence that starts a component (the name's start or after a dot).
    const size_t firstOccurrence = name.find(text);
    for (size_t at = firstOccurrence; at != std::string_view::npos; at = name.find(text, at + 1)) {
        if (at == 0 || name[at - 1] == '.') {
            return pack(MatchTier::ComponentPrefix, at, name.size(), index);
        }
    }
    if (query.oneWord) {
        // The one word is the whole text, already looked for above.
        if (firstOccurrence != std::string_view::npos) {
            return pack(MatchTier::AllWords, firstOccurrence, name.size(), index);
        }
    } else {
        size_t firstAt = std::string_view::npos;
        bool allWords = true;
        for (const std::string_view word : query.words) {
            const size_t at = name.find(word);
            if (at == std::string_view::npos) {
                allWords = false;
                break;
            }
            firstAt = std::min(firstAt, at);
        }
        if (allWords) {
            return pack(MatchTier::AllWords, firstAt, name.size(), index);
        }
    }
    size_t spread = 0;
    bool fuzzy = true;
    for (const std::string_view word : query.words) {
        const auto span = subsequenceSpan(name, word);
        if (!span) {
            fuzzy = false;
            break;
        }
        spread += *span;
    }
    if (fuzzy) {
        return pack(MatchTier::Fuzzy, spread, name.size(), index);
    }
    return descriptionKey(index, query);
}

quint64 OptionSearch::descriptionKey(int index, const Query &query) const
{
    const size_t nameLength = m_nameStart[index + 1] - m_nameStart[index] - 1;
    const Bigrams &bigrams = m_descriptionBigrams[index];
    for (size_t i = 0; i < bigrams.size(); ++i) {
        if ((bigrams[i] & query.bigrams[i]) != query.bigrams[i]) {
            return 0;
        }
    }
    const std::string_view description(m_descriptions.data() + m_descriptionStart[index], m_descriptionStart[index + 1] - m_descriptionStart[index] - 1);
    for (const std::string_view word : query.words) {
        if (!contains(description, word)) {
            return 0;
        }
    }
    return pack(MatchTier::Description, 0, nameLength, index);
}

std::optional<MatchTier> OptionSearch::tierOf(int index, QStringView query) const
{
    const Query normalized = normalize(query);
    if (normalized.words.empty() || index < 0 || index >= m_catalog.size()) {
        return std::nullopt;
    }
    const quint64 k = key(index, normalized);
    if (k == 0) {
        return std::nullopt;
    }
    return static_cast<MatchTier>(k >> tierShift);
}

SearchResult OptionSearch::search(QStringView query, int limit)
{
    const Query normalized = normalize(query);
    SearchResult result;
    if (normalized.words.empty()) {
        m_hasLast = false;
        return result;
    }
    // A longer query matches a subset of what its prefix matched (see the class comment).
    const bool refine = m_hasLast && normalized.text.starts_with(m_lastQuery);
    std::vector<quint64> keys;
    std::vector<int> candidates;
    auto consider = [&](int index) {
        if (const quint64 k = key(index, normalized)) {
            keys.push_back(k);
            candidates.push_back(index);
        }
    };
    if (refine) {
        keys.reserve(m_lastCandidates.size());
        candidates.reserve(m_lastCandidates.size());
        for (const int index : m_lastCandidates) {
            consider(index);
        }
    } else {
        for (int index = 0; index < m_catalog.size(); ++index) {
            consider(index);
        }
    }
    m_lastQuery = normalized.text;
    m_lastCandidates = std::move(candidates);
    m_hasLast = true;

    result.total = static_cast<int>(keys.size());
    const size_t wanted = limit < 0 ? keys.size() : std::min(keys.size(), static_cast<size_t>(limit));
    std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(wanted), keys.end());
    result.hits.reserve(wanted);
    for (size_t i = 0; i < wanted; ++i) {
        result.hits.push_back({static_cast<int>(keys[i] & indexMask), static_cast<MatchTier>(keys[i] >> tierShift)});
    }
    return result;
}

qsizetype OptionSearch::memoryUsage() const
{
    return static_cast<qsizetype>(m_names.capacity() + m_descriptions.capacity() + (m_nameStart.capacity() + m_descriptionStart.capacity()) * sizeof(quint32)
                                  + (m_nameMask.capacity() + m_descriptionMask.capacity()) * sizeof(quint64) + m_descriptionBigrams.capacity() * sizeof(Bigrams)
                                  + m_lastCandidates.capacity() * sizeof(int));
}

} // namespace Snowpane::Options
