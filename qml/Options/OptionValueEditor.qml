// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Dialogs as Dialogs
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// The editor that fits an option's type. Switches and choices record an
/// edit at once; the others when Apply is pressed. Every value is checked
/// against the type first (OptionDetails.validate), and a refusal is shown.
ColumnLayout {
    id: editor

    required property OptionDetails details
    /// The last refusal or validation message, empty when all is well.
    property string message: ""

    /// Records @p value; shows why when it is refused.
    function apply(value: var) {
        editor.message = editor.details.setValue(value);
    }

    spacing: Kirigami.Units.smallSpacing

    Loader {
        id: loader

        objectName: "editorLoader"
        Layout.fillWidth: true
        sourceComponent: {
            switch (editor.details.editorKind) {
            case OptionDetails.Switch:
                return switchEditor;
            case OptionDetails.Integer:
                return editor.details.spinBoxRange ? spinEditor : textEditor;
            case OptionDetails.Float:
            case OptionDetails.Text:
            case OptionDetails.Path:
                return textEditor;
            case OptionDetails.Choice:
                return choiceEditor;
            case OptionDetails.List:
            case OptionDetails.PackageList:
                return listEditor;
            default:
                return null;
            }
        }
    }

    RowLayout {
        visible: editor.details.nullable
        QQC2.Button {
            objectName: "setNullButton"
            text: qsTr("Set to null", "@action:button")
            icon.name: "edit-clear"
            Accessible.name: qsTr("Set %1 to null", "@action:button").arg(editor.details.name)
            onClicked: editor.apply(null)
        }
    }

    Kirigami.InlineMessage {
        objectName: "validationMessage"
        Layout.fillWidth: true
        type: Kirigami.MessageType.Error
        text: editor.message
        visible: editor.message.length > 0
    }

    Component {
        id: switchEditor

        QQC2.Switch {
            objectName: "switchEditor"
            text: checked ? qsTr("On", "@option:check") : qsTr("Off", "@option:check")
            checked: editor.details.initialValue === true
            Accessible.name: qsTr("Enable %1", "@option:check").arg(editor.details.name)
            onToggled: {
                editor.apply(checked);
                checked = Qt.binding(() => editor.details.initialValue === true);
            }
        }
    }

    Component {
        id: spinEditor

        RowLayout {
            QQC2.SpinBox {
                id: spin

                objectName: "spinEditor"
                from: editor.details.minimum
                to: editor.details.maximum
                editable: true
                value: editor.details.initialValue ?? editor.details.minimum
                Accessible.name: qsTr("Value of %1", "@label:spinbox").arg(editor.details.name)
            }
            QQC2.Button {
                objectName: "applyButton"
                text: qsTr("Apply", "@action:button")
                icon.name: "dialog-ok-apply"
                Accessible.name: qsTr("Set %1 to %2", "@action:button").arg(editor.details.name).arg(spin.value)
                onClicked: editor.apply(spin.value)
            }
            QQC2.Label {
                text: qsTr("from %1 to %2", "@info").arg(editor.details.minimum).arg(editor.details.maximum)
                color: Kirigami.Theme.disabledTextColor
            }
        }
    }

    Component {
        id: textEditor

        ColumnLayout {
            id: textColumn

            readonly property string problem: editor.details.validateText(field.text)

            RowLayout {
                Layout.fillWidth: true

                QQC2.TextField {
                    id: field

                    objectName: "textEditor"
                    Layout.fillWidth: true
                    text: editor.details.initialText
                    placeholderText: editor.details.defaultText.length > 0 ? qsTr("Default: %1", "@info:placeholder").arg(editor.details.defaultText) : ""
                    font.family: editor.details.editorKind === OptionDetails.Path ? "monospace" : Kirigami.Theme.defaultFont.family
                    Accessible.name: qsTr("Value of %1", "@label:textbox").arg(editor.details.name)
                    onAccepted: applyText.clicked()
                }
                QQC2.Button {
                    objectName: "chooseFileButton"
                    visible: editor.details.editorKind === OptionDetails.Path
                    text: qsTr("Choose…", "@action:button")
                    icon.name: "document-open"
                    Accessible.name: qsTr("Choose a file for %1", "@action:button").arg(editor.details.name)
                    onClicked: fileDialog.open()
                }
                QQC2.Button {
                    id: applyText

                    objectName: "applyButton"
                    text: qsTr("Apply", "@action:button")
                    icon.name: "dialog-ok-apply"
                    enabled: textColumn.problem.length === 0
                    Accessible.name: qsTr("Set %1", "@action:button").arg(editor.details.name)
                    onClicked: editor.message = editor.details.setText(field.text)
                }
            }
            QQC2.Label {
                objectName: "liveValidation"
                Layout.fillWidth: true
                visible: textColumn.problem.length > 0
                text: textColumn.problem
                color: Kirigami.Theme.negativeTextColor
                wrapMode: Text.Wrap
            }
            QQC2.Label {
                Layout.fillWidth: true
                visible: editor.details.pattern.length > 0
                text: qsTr("Must match %1", "@info").arg(editor.details.pattern)
                color: Kirigami.Theme.disabledTextColor
                font.family: "monospace"
                wrapMode: Text.WrapAnywhere
            }
            Dialogs.FileDialog {
                id: fileDialog

                title: qsTr("Choose a file for %1", "@title:window").arg(editor.details.name)
                onAccepted: field.text = editor.details.pathText(selectedFile)
            }
        }
    }

    Component {
        id: choiceEditor

        QQC2.ComboBox {
            objectName: "choiceEditor"
            model: editor.details.choices
            currentIndex: editor.details.currentChoice
            Accessible.name: qsTr("Value of %1", "@label:listbox").arg(editor.details.name)
            onActivated: index => {
                editor.message = editor.details.setChoice(index);
                currentIndex = Qt.binding(() => editor.details.currentChoice);
            }
        }
    }

    Component {
        id: listEditor

        OptionListEditor {
            packages: editor.details.editorKind === OptionDetails.PackageList
            itemKind: editor.details.elementKind
            items: editor.details.listItems
            onApplied: texts => {
                editor.message = editor.details.setListItems(texts);
            }
        }
    }
}
