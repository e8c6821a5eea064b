// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQuickTextDocument>

namespace KSyntaxHighlighting
{
class SyntaxHighlighter;
}

/**
 * Colours the text of a TextEdit or TextArea with one of KSyntaxHighlighting's
 * definitions ("Nix" for values, "Diff" for pending changes), in the light or
 * dark default theme (at first, the one that matches the application palette). A C++ element
 * rather than KSyntaxHighlighting's own QML module, whose type information
 * is too thin for qmllint to check the pages that use it.
 *
 *     TextArea { id: area }
 *     SourceHighlighter { document: area.textDocument; definition: "Nix" }
 */
class SourceHighlighter : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QQuickTextDocument *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(QString definition READ definition WRITE setDefinition NOTIFY definitionChanged)
    /// Bind to the colours the text is drawn on (Kirigami.ColorUtils.brightnessForColor of the background) to follow the colour scheme.
    Q_PROPERTY(bool dark READ isDark WRITE setDark NOTIFY darkChanged)

public:
    explicit SourceHighlighter(QObject *parent = nullptr);
    ~SourceHighlighter() override;

    [[nodiscard]] QQuickTextDocument *document() const
    {
        return m_document;
    }
    void setDocument(QQuickTextDocument *document);
    [[nodiscard]] QString definition() const
    {
        return m_definition;
    }
    void setDefinition(const QString &definition);
    [[nodiscard]] bool isDark() const
    {
        return m_dark;
    }
    void setDark(bool dark);

Q_SIGNALS:
    void documentChanged();
    void definitionChanged();
    void darkChanged();

private:
    void configure();

    QPointer<QQuickTextDocument> m_document;
    QString m_definition;
    bool m_dark;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
};
