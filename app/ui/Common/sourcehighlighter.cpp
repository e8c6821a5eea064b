// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Common/sourcehighlighter.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QGuiApplication>
#include <QPalette>
#include <QTextDocument>

namespace
{

// Loading the definitions index costs a few milliseconds: once per process.
KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository instance;
    return instance;
}

bool paletteIsDark()
{
    constexpr int darkBelow = 128;
    return QGuiApplication::palette().color(QPalette::Base).lightness() < darkBelow;
}

} // namespace

SourceHighlighter::SourceHighlighter(QObject *parent)
    : QObject(parent)
    , m_dark(paletteIsDark())
{
}

SourceHighlighter::~SourceHighlighter() = default;

void SourceHighlighter::setDocument(QQuickTextDocument *document)
{
    if (m_document == document) {
        return;
    }
    m_document = document;
    configure();
    Q_EMIT documentChanged();
}

void SourceHighlighter::setDefinition(const QString &definition)
{
    if (m_definition == definition) {
        return;
    }
    m_definition = definition;
    configure();
    Q_EMIT definitionChanged();
}

void SourceHighlighter::configure()
{
    QTextDocument *text = m_document ? m_document->textDocument() : nullptr;
    if (!text || m_definition.isEmpty()) {
        return;
    }
    if (!m_highlighter || m_highlighter->document() != text) {
        delete m_highlighter;
        // Parented to the document, so that it goes when the text item does.
        m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(text);
        connect(m_highlighter, &QObject::destroyed, this, [this] {
            m_highlighter = nullptr;
        });
    }
    m_highlighter->setTheme(repository().defaultTheme(m_dark ? KSyntaxHighlighting::Repository::DarkTheme : KSyntaxHighlighting::Repository::LightTheme));
    m_highlighter->setDefinition(repository().definitionForName(m_definition));
    m_highlighter->rehighlight();
}

void SourceHighlighter::setDark(bool dark)
{
    if (m_dark == dark) {
        return;
    }
    m_dark = dark;
    configure();
    Q_EMIT darkChanged();
}
