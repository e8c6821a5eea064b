// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// One option: its editor (or a read-only view and the reason), where the
/// configuration defines it, its effective value in the evaluated system,
/// its description, default and example.
Kirigami.ScrollablePage {
    id: page

    required property string optionName
    readonly property OptionDetails details: OptionDetails {
        name: page.optionName
    }

    objectName: "optionPage"
    title: page.optionName
    Accessible.name: qsTr("Option %1", "@title").arg(page.optionName)

    actions: [
        Kirigami.Action {
            objectName: "resetAction"
            text: qsTr("Reset to default", "@action:button")
            icon.name: "edit-reset"
            tooltip: qsTr("Remove the setting from your configuration, so that the default applies", "@info:tooltip")
            enabled: page.details.defined && page.details.editable
            onTriggered: valueEditor.message = page.details.reset()
        }
    ]

    Component.onCompleted: page.details.evaluateEffectiveValue()

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        Kirigami.InlineMessage {
            Layout.fillWidth: true
            type: Kirigami.MessageType.Warning
            visible: OptionsBackend.status === OptionsBackend.Ready && !page.details.exists
            text: qsTr("The catalog of your system has no option called %1.", "@info").arg(page.optionName)
        }

        Kirigami.FormLayout {
            Layout.fillWidth: true

            QQC2.Label {
                objectName: "typeLabel"
                Kirigami.FormData.label: qsTr("Type:", "@label")
                Layout.fillWidth: true
                text: page.details.typeText
                wrapMode: Text.Wrap
            }

            QQC2.Label {
                objectName: "definedIn"
                Kirigami.FormData.label: qsTr("Defined in:", "@label")
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: {
                    const places = page.details.definitions.map(definition => qsTr("%1:%2", "@info file:line").arg(definition.file).arg(definition.line));
                    return places.length > 0 ? places.join("\n") : qsTr("not set in your configuration; the default applies", "@info");
                }
            }

            OptionValueEditor {
                id: valueEditor

                Kirigami.FormData.label: qsTr("Value:", "@label")
                Layout.fillWidth: true
                visible: page.details.exists && page.details.editable
                details: page.details
            }
        }

        Kirigami.InlineMessage {
            objectName: "readOnlyReason"
            Layout.fillWidth: true
            type: Kirigami.MessageType.Information
            visible: page.details.exists && !page.details.editable
            text: page.details.editBlockedReason
        }

        NixCodeView {
            objectName: "definitionSource"
            Layout.fillWidth: true
            visible: page.details.exists && !page.details.editable && code.length > 0
            code: page.details.definitionSource
            Accessible.name: qsTr("The definition in your configuration", "@label")
        }

        Kirigami.InlineMessage {
            Layout.fillWidth: true
            type: Kirigami.MessageType.Error
            visible: !page.details.editable && valueEditor.message.length > 0
            text: valueEditor.message
        }

        Kirigami.Heading {
            level: 3
            text: qsTr("Description", "@title")
            visible: description.text.length > 0
        }

        QQC2.Label {
            id: description

            objectName: "description"
            Layout.fillWidth: true
            text: page.details.description
            textFormat: Text.MarkdownText
            wrapMode: Text.Wrap
            onLinkActivated: link => Qt.openUrlExternally(link)
        }

        Kirigami.Heading {
            level: 3
            text: qsTr("Effective value", "@title")
        }

        QQC2.Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Kirigami.Theme.disabledTextColor
            text: qsTr("What Nix computes for this option from the saved configuration and every module; edits that are not applied yet are not included.", "@info")
        }

        RowLayout {
            visible: page.details.effectiveState === OptionDetails.Evaluating
            QQC2.BusyIndicator {
                running: parent.visible
                Accessible.name: qsTr("Evaluating", "@info:status")
            }
            QQC2.Label {
                text: qsTr("Evaluating with Nix…", "@info:status")
            }
        }

        NixCodeView {
            objectName: "effectiveValue"
            Layout.fillWidth: true
            visible: page.details.effectiveState === OptionDetails.Ready
            code: page.details.effectiveText
            Accessible.name: qsTr("Effective value", "@label")
        }

        Kirigami.InlineMessage {
            id: effectiveError

            property bool showDetails: false

            objectName: "effectiveError"
            Layout.fillWidth: true
            type: Kirigami.MessageType.Warning
            visible: page.details.effectiveState === OptionDetails.Failed
            text: page.details.effectiveError
            actions: [
                Kirigami.Action {
                    text: effectiveError.showDetails ? qsTr("Hide details", "@action:button") : qsTr("Details", "@action:button")
                    icon.name: "help-about"
                    visible: page.details.effectiveDetails.length > 0
                    onTriggered: effectiveError.showDetails = !effectiveError.showDetails
                }
            ]
        }

        QQC2.TextArea {
            objectName: "effectiveErrorDetails"
            Layout.fillWidth: true
            visible: effectiveError.visible && effectiveError.showDetails
            text: page.details.effectiveDetails
            readOnly: true
            wrapMode: TextEdit.Wrap
            font.family: "monospace"
            Accessible.name: qsTr("Nix's message", "@label")
        }

        Kirigami.Heading {
            level: 3
            text: qsTr("Default", "@title")
            visible: page.details.defaultText.length > 0
        }

        NixCodeView {
            objectName: "defaultValue"
            Layout.fillWidth: true
            visible: page.details.defaultText.length > 0 && !page.details.defaultIsMarkdown
            code: page.details.defaultText
            Accessible.name: qsTr("Default value", "@label")
        }

        QQC2.Label {
            Layout.fillWidth: true
            visible: page.details.defaultIsMarkdown
            text: page.details.defaultText
            textFormat: Text.MarkdownText
            wrapMode: Text.Wrap
        }

        Kirigami.Heading {
            level: 3
            text: qsTr("Example", "@title")
            visible: page.details.exampleText.length > 0
        }

        NixCodeView {
            objectName: "exampleValue"
            Layout.fillWidth: true
            visible: page.details.exampleText.length > 0 && !page.details.exampleIsMarkdown
            code: page.details.exampleText
            Accessible.name: qsTr("Example value", "@label")
        }

        QQC2.Label {
            Layout.fillWidth: true
            visible: page.details.exampleIsMarkdown
            text: page.details.exampleText
            textFormat: Text.MarkdownText
            wrapMode: Text.Wrap
        }

        Kirigami.Heading {
            level: 3
            text: qsTr("Declared in", "@title")
            visible: page.details.declarations.length > 0
        }

        QQC2.Label {
            objectName: "declarations"
            Layout.fillWidth: true
            visible: page.details.declarations.length > 0
            text: page.details.declarations.join("\n")
            wrapMode: Text.WrapAnywhere
            font.family: "monospace"
            color: Kirigami.Theme.disabledTextColor
        }
    }
}
