// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "changeset.h"

#include "atomicwrite.h"
#include "configlogging.h"
#include "hostedits.h"
#include "parser.h"
#include "unifieddiff.h"

#include <fstream>
#include <iterator>

namespace Snowpane::Config
{

EditResult planOperation(const DocumentSet &set, const Operation &operation)
{
    if (set.scope().known()) {
        return Snowpane::Config::planForHost(set, operation);
    }
    return planUnscoped(set, operation);
}

EditResult planUnscoped(const DocumentSet &set, const Operation &operation)
{
    switch (operation.kind) {
    case Operation::Kind::Set:
        return planSet(set, operation.path, operation.argument);
    case Operation::Kind::Unset:
        return planUnset(set, operation.path);
    case Operation::Kind::AddPackage:
        return planAddPackage(set, operation.argument, operation.path);
    case Operation::Kind::RemovePackage:
        break;
    }
    return planRemovePackage(set, operation.argument, operation.path);
}

ChangeSet::ChangeSet(const DocumentSet &loaded)
    : m_entry(loaded.entry())
    , m_host(loaded.host())
    , m_scope(loaded.scope())
{
    for (const Document &d : loaded.documents()) {
        m_original.emplace_back(d.path, std::string(d.tree->source()));
    }
    m_texts = m_original;
    rebuild();
}

void ChangeSet::rebuild()
{
    m_set = DocumentSet::fromTexts(m_texts, m_entry, m_host, m_scope);
}

EditResult ChangeSet::add(const Operation &operation)
{
    EditResult result = planOperation(m_set, operation);
    if (!result.ok) {
        return result;
    }
    for (const FileChange &change : result.files) {
        m_texts[change.document].second = change.after;
        m_set.replaceText(change.document, change.after);
    }
    m_operations.push_back(operation);
    return result;
}

std::string ChangeSet::undo(std::size_t index)
{
    if (index >= m_operations.size()) {
        return "there is no pending change number " + std::to_string(index + 1);
    }
    std::vector<Operation> remaining = m_operations;
    remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(index));
    const auto savedTexts = m_texts;
    const auto savedOperations = m_operations;
    m_texts = m_original;
    m_operations.clear();
    rebuild();
    for (const Operation &operation : remaining) {
        const EditResult r = add(operation);
        if (!r.ok) {
            m_texts = savedTexts;
            m_operations = savedOperations;
            rebuild();
            return "a later change depends on it: " + r.error;
        }
    }
    return {};
}

std::vector<FileChange> ChangeSet::changedFiles() const
{
    std::vector<FileChange> out;
    for (std::size_t i = 0; i < m_texts.size(); ++i) {
        if (m_texts[i].second != m_original[i].second) {
            out.push_back({i, m_texts[i].first, m_original[i].second, m_texts[i].second, {}});
        }
    }
    return out;
}

std::string ChangeSet::diff(const std::string &base) const
{
    std::string out;
    for (const FileChange &change : changedFiles()) {
        std::string name = change.path;
        if (!base.empty() && name.starts_with(base + "/")) {
            name = name.substr(base.size() + 1);
        }
        out += unifiedDiff(name, change.before, change.after);
    }
    return out;
}

std::string ChangeSet::apply()
{
    std::vector<CheckedWrite> writes;
    for (const FileChange &change : changedFiles()) {
        writes.push_back({change.path, change.before, change.after});
    }
    const std::string error = writeCheckedFiles(writes);
    if (!error.empty()) {
        qCWarning(SNOWPANE_CONFIG) << "writing the configuration failed:" << error.c_str();
        return error;
    }
    m_original = m_texts;
    m_operations.clear();
    return {};
}

} // namespace Snowpane::Config
