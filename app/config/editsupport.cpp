// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "editsupport.h"

#include "configlogging.h"
#include "lexer.h"
#include "moduleargs.h"
#include "parser.h"
#include "scopes.h"
#include "treeutil.h"

#include <algorithm>

namespace Snowpane::Config
{

using namespace Snowpane::Nix;

std::string applyEdits(std::string_view text, const std::vector<TextEdit> &edits)
{
    std::string out;
    out.reserve(text.size() + 256);
    std::uint32_t at = 0;
    for (const TextEdit &e : edits) {
        out.append(text.substr(at, e.begin - at));
        out += e.text;
        at = e.end;
    }
    out.append(text.substr(at));
    return out;
}

std::string reindent(std::string_view value, std::string_view indent)
{
    std::string out;
    for (const char c : value) {
        out += c;
        if (c == '\n') {
            out += indent;
        }
    }
    return out;
}

std::string where(const Definition &d)
{
    return d.file + ":" + std::to_string(d.line);
}

std::string syntaxError(const DocumentSet &set, std::size_t document)
{
    const SyntaxTree &tree = *set.documents()[document].tree;
    for (const Diagnostic &d : tree.diagnostics()) {
        if (d.severity == Severity::Error) {
            return formatDiagnostic(set.documents()[document].path, tree.lines(), d);
        }
    }
    return {};
}

std::string syntaxErrorInSet(const DocumentSet &set)
{
    for (std::size_t i = 0; i < set.documents().size(); ++i) {
        const std::string error = syntaxError(set, i);
        if (!error.empty() && !onlyTrivia(*set.documents()[i].tree)) {
            return "the configuration has a syntax error, so its definitions cannot be trusted; fix it first: " + error;
        }
    }
    return {};
}

namespace
{

EditResult
finishEditOnce(const DocumentSet &set, std::size_t document, std::vector<TextEdit> edits, const OptionPath &path, const ReadBackCheck &check, bool mayAddPkgs)
{
    EditResult result;
    const Document &doc = set.documents()[document];
    const std::string_view before = doc.tree->source();
    std::sort(edits.begin(), edits.end(), [](const TextEdit &a, const TextEdit &b) {
        return a.begin < b.begin;
    });
    for (std::size_t i = 0; i < edits.size(); ++i) {
        if (edits[i].begin > edits[i].end || edits[i].end > before.size() || (i > 0 && edits[i - 1].end > edits[i].begin)) {
            result.error = "internal error: overlapping edits in " + doc.path;
            return result;
        }
    }
    std::string after = applyEdits(before, edits);

    // Every byte outside the edits must be where it was: walk both texts
    // segment by segment.
    std::uint32_t oldAt = 0;
    std::size_t newAt = 0;
    for (const TextEdit &e : edits) {
        const std::string_view kept = before.substr(oldAt, e.begin - oldAt);
        if (std::string_view(after).substr(newAt, kept.size()) != kept) {
            result.error = "internal error: an edit of " + doc.path + " touched bytes outside the definition";
            return result;
        }
        newAt += kept.size() + e.text.size();
        oldAt = e.end;
    }
    if (std::string_view(after).substr(newAt) != before.substr(oldAt)) {
        result.error = "internal error: an edit of " + doc.path + " touched bytes outside the definition";
        return result;
    }

    const DocumentSet check1 = DocumentSet::single(set, document, after);
    const std::string error = syntaxError(check1, 0);
    if (!error.empty()) {
        qCWarning(SNOWPANE_CONFIG) << "edit refused, it would not parse:" << error.c_str();
        result.error = "the edit would leave " + doc.path + " with a syntax error (" + error + "); nothing was changed";
        return result;
    }
    // A new name that nothing binds (`pkgs` in a module that does not take it) would fail at evaluation.
    // Only inserted text with a name in it can add an undefined variable; scope analysis of the whole file is the expensive part.
    bool insertsNames = false;
    for (const TextEdit &e : edits) {
        const LexResult lexed = lex(e.text);
        for (std::uint32_t t = 0; t < lexed.tokens.size(); ++t) {
            const std::string_view name = std::string_view(e.text).substr(lexed.tokens.begin(t), lexed.tokens.end(t) - lexed.tokens.begin(t));
            insertsNames = insertsNames || (lexed.tokens.kinds[t] == TokenKind::Ident && name != "true" && name != "false" && name != "null");
        }
    }
    const std::vector<Diagnostic> undefinedAfter = insertsNames ? findUndefinedVariables(*check1.documents()[0].tree) : std::vector<Diagnostic>();
    if (!undefinedAfter.empty()) {
        const std::vector<Diagnostic> undefinedBefore = findUndefinedVariables(*doc.tree);
        if (undefinedAfter.size() > undefinedBefore.size()) {
            // A package edit writes `pkgs`, which a module gets by naming it among its arguments: name it there, as a person would.
            const auto isPkgs = [](const Diagnostic &d) {
                return d.message == "undefined variable 'pkgs'";
            };
            const auto newPkgs =
                std::count_if(undefinedAfter.begin(), undefinedAfter.end(), isPkgs) - std::count_if(undefinedBefore.begin(), undefinedBefore.end(), isPkgs);
            const auto newOthers = static_cast<std::ptrdiff_t>(undefinedAfter.size() - undefinedBefore.size()) - newPkgs;
            if (mayAddPkgs && newPkgs > 0 && newOthers <= 0) {
                const Snowpane::Config::ArgumentEdit argument = Snowpane::Config::addModuleArgument(set, document, edits.front().begin, "pkgs");
                if (!argument.ok) {
                    result.error =
                        "the edit needs `pkgs`, which " + doc.path + " does not bind, and it cannot be added: " + argument.error + "; nothing was changed";
                    return result;
                }
                edits.push_back(argument.edit);
                return finishEditOnce(set, document, std::move(edits), path, check, false);
            }
            result.error = "the edit would use a name that is not defined in " + doc.path + " (" + undefinedAfter.front().message
                + "); add it to the module's arguments first; nothing was changed";
            return result;
        }
    }
    std::vector<Definition> definitions;
    for (std::size_t m = 0; m < check1.modules().size(); ++m) {
        findDefinitionsInModule(check1, m, path, definitions);
    }
    const std::string problem = check(definitions);
    if (!problem.empty()) {
        result.error = "the edited " + doc.path + " does not read back as intended (" + problem + "); nothing was changed";
        return result;
    }
    result.ok = true;
    result.files.push_back({document, doc.path, std::string(before), std::move(after), std::move(edits)});
    return result;
}

} // namespace

EditResult finishEdit(const DocumentSet &set, std::size_t document, std::vector<TextEdit> edits, const OptionPath &path, const ReadBackCheck &check)
{
    return finishEditOnce(set, document, std::move(edits), path, check, true);
}

} // namespace Snowpane::Config
