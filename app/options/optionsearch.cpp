// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "optionsearch.h"

#include <algorithm>

#include <string.h>

namespace Snowpane::Options
{

namespace
{

// The sort key, most significant first (lower is better); see the class comment for the order.
constexpr int tierShift = 60;
constexpr int spreadShift = 48; // how spread a fuzzy match is
constexpr int coverageShift = 42; // how much of its component the match leaves uncovered, 0..63
constexpr int matchDepthShift = 38; // the component the match is in
constexpr int namespaceShift = 37; // 0 under services. and programs.
constexpr int switchShift = 36; // 0 for the `.enable` right after the matched component
constexpr int depthShift = 32; // how many components the name has
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

// The order of options within a tier, apart from the tier's own measure of the match.
struct Shape {
    bool preferred = false; // under services. or programs.
    bool isSwitch = false; // the `.enable` right after the matched component
    size_t depth = 0; // components of the name, minus one
    size_t length = 0;
};

// What the index keeps of a name's shape, one byte: its depth, whether it is under services. or programs., whether it ends in `.enable`.
constexpr quint8 preferredBit = 0x10;
constexpr quint8 endsInEnableBit = 0x20;
constexpr quint8 depthMask = 0x0f;
constexpr std::string_view enableSuffix = ".enable";

[[nodiscard]] quint8 shapeByte(std::string_view name)
{
    const auto depth = std::min<std::ptrdiff_t>(std::count(name.begin(), name.end(), '.'), depthMask);
    return static_cast<quint8>(depth) | (name.starts_with("services.") || name.starts_with("programs.") ? preferredBit : 0)
        | (name.ends_with(enableSuffix) ? endsInEnableBit : 0);
}

[[nodiscard]] Shape shapeOf(quint8 shape, size_t length)
{
    return {(shape & preferredBit) != 0, false, size_t(shape & depthMask), length};
}

[[nodiscard]] quint64 pack(MatchTier tier, size_t spread, size_t uncovered, size_t matchDepth, const Shape &shape, int index)
{
    return (quint64(tier) << tierShift) | (quint64(std::min<size_t>(spread, 0xfff)) << spreadShift) | (quint64(shape.preferred ? 0 : 1) << namespaceShift)
        | (quint64(std::min<size_t>(uncovered, 63)) << coverageShift) | (quint64(std::min<size_t>(matchDepth, 15)) << matchDepthShift)
        | (quint64(shape.isSwitch ? 0 : 1) << switchShift) | (quint64(std::min<size_t>(shape.depth, 15)) << depthShift)
        | (quint64(std::min<size_t>(shape.length, 0xff)) << lengthShift) | (quint64(index) & indexMask);
}

// Where one word of the query sits best in a name: on whole components rather than part of one, covering more of its component, shallower.
struct WordMatch {
    bool whole = false;
    size_t uncovered = 63; // 63 × the share of the component the word leaves out
    size_t depth = 0; // the component the match starts in
    size_t componentEnd = 0; // where the component the match ends in ends
};

[[nodiscard]] std::optional<WordMatch> bestMatch(std::string_view name, std::string_view word)
{
    std::optional<WordMatch> best;
    // One pass: the occurrences come in order, so the depth and the component's start carry over from one to the next.
    size_t scanned = 0;
    size_t depth = 0;
    size_t componentStart = 0;
    size_t nextDot = 0; // the first dot at or after the end of the previous occurrence
    bool nextDotKnown = false;
    for (size_t at = name.find(word); at != std::string_view::npos; at = name.find(word, at + 1)) {
        for (; scanned < at; ++scanned) {
            if (name[scanned] == '.') {
                ++depth;
                componentStart = scanned + 1;
            }
        }
        const size_t end = at + word.size();
        if (!nextDotKnown || nextDot < end) {
            nextDot = std::min(name.find('.', end), name.size());
            nextDotKnown = true;
        }
        WordMatch match;
        match.whole = componentStart == at && nextDot == end;
        match.uncovered = 63 - 63 * word.size() / (nextDot - componentStart);
        match.depth = depth;
        match.componentEnd = nextDot;
        if (!best || (match.whole && !best->whole) || (match.whole == best->whole && match.uncovered < best->uncovered)) {
            best = match;
        }
        // A later occurrence is as deep or deeper: it cannot beat a whole component.
        if (best->whole) {
            break;
        }
    }
    return best;
}

} // namespace

OptionSearch::OptionSearch(const OptionCatalog &catalog)
    : m_catalog(catalog)
{
    const int count = catalog.size();
    m_nameStart.reserve(count + 1);
    m_nameMask.reserve(count);
    m_nameShape.reserve(count);
    m_descriptionMask.reserve(count);
    m_descriptionBigrams.reserve(count);
    m_descriptionStart.reserve(count + 1);
    for (int i = 0; i < count; ++i) {
        m_nameStart.push_back(static_cast<quint32>(m_names.size()));
        m_nameMask.push_back(appendLower(m_names, catalog.name(i)));
        m_nameShape.push_back(shapeByte(std::string_view(m_names).substr(m_nameStart.back())));
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
    Shape shape = shapeOf(m_nameShape[index], name.size());
    if (name == query.text) {
        return pack(MatchTier::ExactName, 0, 0, 0, shape, index);
    }
    const bool endsInSwitch = (m_nameShape[index] & endsInEnableBit) != 0;
    bool allWhole = true;
    bool allFound = true;
    size_t uncovered = 0;
    size_t matchDepth = 0;
    for (const std::string_view word : query.words) {
        const std::optional<WordMatch> match = bestMatch(name, word);
        if (!match) {
            allFound = false;
            break;
        }
        allWhole = allWhole && match->whole;
        uncovered = std::max(uncovered, match->uncovered);
        matchDepth = std::max(matchDepth, match->depth);
        // The matched component's own switch: `services.openssh.enable` for "openssh".
        shape.isSwitch = shape.isSwitch || (endsInSwitch && match->componentEnd + enableSuffix.size() == name.size());
    }
    if (allFound) {
        return pack(allWhole ? MatchTier::WholeComponent : MatchTier::PartOfComponent, 0, uncovered, matchDepth, shape, index);
    }
    size_t spread = 0;
    for (const std::string_view word : query.words) {
        const auto span = subsequenceSpan(name, word);
        if (!span) {
            return descriptionKey(index, query);
        }
        spread += *span;
    }
    shape.isSwitch = endsInSwitch;
    return pack(MatchTier::Fuzzy, spread, 0, 0, shape, index);
}

quint64 OptionSearch::descriptionKey(int index, const Query &query) const
{
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
    const std::string_view name(m_names.data() + m_nameStart[index], m_nameStart[index + 1] - m_nameStart[index] - 1);
    Shape shape = shapeOf(m_nameShape[index], name.size());
    shape.isSwitch = (m_nameShape[index] & endsInEnableBit) != 0;
    return pack(MatchTier::Description, 0, 0, 0, shape, index);
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
                                  + m_nameShape.capacity() + m_lastCandidates.capacity() * sizeof(int));
}

} // namespace Snowpane::Options
