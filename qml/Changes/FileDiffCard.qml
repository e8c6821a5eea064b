// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// One changed file of the pending edits: its name, how many lines change,
/// the unified diff in colour, and a button that takes back its edits.
Kirigami.AbstractCard {
    id: card

    required property string name
    required property string path
    required property string diff
    required property int added
    required property int removed

    header: RowLayout {
        spacing: Kirigami.Units.smallSpacing

        Kirigami.Icon {
            source: "text-x-nix"
            fallback: "text-x-generic"
            implicitWidth: Kirigami.Units.iconSizes.smallMedium
            implicitHeight: Kirigami.Units.iconSizes.smallMedium
        }
        Kirigami.Heading {
            Layout.fillWidth: true
            level: 3
            text: card.name
            elide: Text.ElideMiddle
        }
        QQC2.Label {
            text: qsTr("+%1 −%2", "@info lines added and removed").arg(card.added).arg(card.removed)
            color: Kirigami.Theme.disabledTextColor
            Accessible.name: qsTr("%1 lines added, %2 lines removed", "@info:whatsthis").arg(card.added).arg(card.removed)
        }
        QQC2.ToolButton {
            text: qsTr("Discard", "@action:button discard the edits of one file")
            icon.name: "edit-undo"
            display: QQC2.AbstractButton.TextBesideIcon
            enabled: !SystemActions.busy
            Accessible.name: qsTr("Discard the changes to %1", "@action:button").arg(card.name)
            onClicked: {
                const error = Configuration.discardFile(card.path);
                if (error.length > 0) {
                    card.discardError = error;
                }
            }
        }
    }

    property string discardError: ""

    contentItem: ColumnLayout {
        spacing: Kirigami.Units.smallSpacing

        Kirigami.InlineMessage {
            Layout.fillWidth: true
            type: Kirigami.MessageType.Error
            text: card.discardError
            visible: text.length > 0
        }
        QQC2.TextArea {
            id: diffText

            Layout.fillWidth: true
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.NoWrap
            textFormat: TextEdit.PlainText
            font.family: "monospace"
            text: card.diff
            background: null
            Accessible.name: qsTr("Changes to %1", "@info:whatsthis").arg(card.name)
        }
        SourceHighlighter {
            document: diffText.textDocument
            definition: "Diff"
            dark: Kirigami.ColorUtils.brightnessForColor(Kirigami.Theme.backgroundColor) === Kirigami.ColorUtils.Dark
        }
    }
}
