// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// Edits a list of values as text, one row each: add, remove, apply. With
/// `packages` the rows are package attribute names (firefox,
/// python3Packages.numpy).
ColumnLayout {
    id: listEditor

    /// The values the list starts from, as text.
    property list<string> items
    property bool packages: false

    // The catalog the suggestions come from opens with the first package list shown.
    Component.onCompleted: {
        if (packages) {
            PackageCatalog.start();
        }
    }
    /// The editor kind of one element ("text", "integer", ...), for the placeholder.
    property string itemKind: "text"
    /// The rows as the person edited them.
    property list<string> edited: items
    readonly property bool changed: JSON.stringify(edited) !== JSON.stringify(items)

    /// Apply was pressed with these rows.
    signal applied(list<string> texts)

    spacing: Kirigami.Units.smallSpacing

    onItemsChanged: edited = items

    Repeater {
        model: listEditor.edited.length

        delegate: RowLayout {
            id: itemRow

            required property int index

            Layout.fillWidth: true

            QQC2.TextField {
                objectName: "listItem"
                Layout.fillWidth: true
                text: listEditor.edited[itemRow.index]
                font.family: "monospace"
                Accessible.name: qsTr("Item %1", "@label:textbox").arg(itemRow.index + 1)
                onTextEdited: {
                    const copy = Array.from(listEditor.edited);
                    copy[itemRow.index] = text;
                    listEditor.edited = copy;
                }
            }
            QQC2.ToolButton {
                icon.name: "list-remove"
                text: qsTr("Remove", "@action:button")
                display: QQC2.AbstractButton.IconOnly
                Accessible.name: qsTr("Remove item %1", "@action:button").arg(itemRow.index + 1)
                QQC2.ToolTip.text: text
                QQC2.ToolTip.visible: hovered
                onClicked: {
                    const copy = Array.from(listEditor.edited);
                    copy.splice(itemRow.index, 1);
                    listEditor.edited = copy;
                }
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true

        QQC2.TextField {
            id: newItem

            objectName: "newListItem"
            Layout.fillWidth: true
            font.family: "monospace"
            placeholderText: listEditor.packages ? qsTr("Package to add, such as firefox", "@info:placeholder") : listEditor.itemKind === "integer" ? qsTr("Number to add", "@info:placeholder") : qsTr("Item to add", "@info:placeholder")
            Accessible.name: listEditor.packages ? qsTr("Package to add", "@label:textbox") : qsTr("Item to add", "@label:textbox")
            onAccepted: addButton.clicked()
        }
        QQC2.Button {
            id: addButton

            objectName: "addListItemButton"
            text: qsTr("Add", "@action:button")
            icon.name: "list-add"
            enabled: newItem.text.trim().length > 0
            Accessible.name: listEditor.packages ? qsTr("Add the package", "@action:button") : qsTr("Add the item", "@action:button")
            onClicked: {
                listEditor.edited = listEditor.edited.concat([newItem.text.trim()]);
                newItem.clear();
            }
        }
    }

    // For a list of packages: the best matches of the package catalog, to pick from instead of typing the whole name.
    ListView {
        id: suggestions

        objectName: "packageSuggestions"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(count, 5) * Kirigami.Units.gridUnit * 2
        visible: listEditor.packages && newItem.text.trim().length > 0 && count > 0
        interactive: false
        clip: true
        Accessible.name: qsTr("Packages that match", "@info:whatsthis")
        model: listEditor.packages ? suggestionModel : null

        PackageSearchModel {
            id: suggestionModel

            query: listEditor.packages ? newItem.text.trim() : ""
        }

        delegate: QQC2.ItemDelegate {
            id: suggestion

            required property string attrPath
            required property string version
            required property string description

            width: ListView.view.width
            height: Kirigami.Units.gridUnit * 2
            text: suggestion.attrPath
            Accessible.name: qsTr("Add %1", "@action:button").arg(suggestion.attrPath)
            contentItem: RowLayout {
                QQC2.Label {
                    text: suggestion.attrPath
                    font.family: "monospace"
                }
                QQC2.Label {
                    text: suggestion.version
                    color: Kirigami.Theme.disabledTextColor
                }
                QQC2.Label {
                    Layout.fillWidth: true
                    text: suggestion.description
                    elide: Text.ElideRight
                    color: Kirigami.Theme.disabledTextColor
                }
            }
            onClicked: {
                listEditor.edited = listEditor.edited.concat([suggestion.attrPath]);
                newItem.clear();
            }
        }
    }

    RowLayout {
        QQC2.Button {
            objectName: "applyButton"
            text: qsTr("Apply", "@action:button")
            icon.name: "dialog-ok-apply"
            enabled: listEditor.changed
            Accessible.name: qsTr("Apply the list", "@action:button")
            onClicked: listEditor.applied(listEditor.edited)
        }
        QQC2.Button {
            text: qsTr("Undo edits", "@action:button")
            icon.name: "edit-undo"
            enabled: listEditor.changed
            Accessible.name: qsTr("Undo the edits to the list", "@action:button")
            onClicked: listEditor.edited = listEditor.items
        }
    }
}
