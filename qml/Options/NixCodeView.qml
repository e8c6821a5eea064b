// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import org.kde.kirigami as Kirigami
import org.kde.syntaxhighlighting

/// Nix source, read-only, highlighted with KSyntaxHighlighting's Nix definition.
QQC2.TextArea {
    id: view

    required property string code

    text: code
    readOnly: true
    selectByMouse: true
    wrapMode: TextEdit.Wrap
    textFormat: TextEdit.PlainText
    font.family: "monospace"
    background: Rectangle {
        color: Kirigami.Theme.alternateBackgroundColor
        radius: Kirigami.Units.cornerRadius
        border.color: Kirigami.ColorUtils.linearInterpolation(Kirigami.Theme.backgroundColor, Kirigami.Theme.textColor, 0.15)
    }

    // Debian's org.kde.syntaxhighlighting ships an empty .qmltypes file, so
    // the linter cannot see the type that the plugin registers at run time.
    // qmllint disable import unresolved-type missing-property unqualified
    SyntaxHighlighter {
        textEdit: view
        definition: "Nix"
        // Colours that read on the background: KSyntaxHighlighting's dark theme under a dark colour scheme.
        theme: Repository.defaultTheme(Kirigami.Theme.backgroundColor.hslLightness < 0.5 ? Repository.DarkTheme : Repository.LightTheme)
    }
    // qmllint enable import unresolved-type missing-property unqualified
}
