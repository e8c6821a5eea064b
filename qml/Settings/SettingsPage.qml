// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Dialogs as Dialogs
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// The settings of snowpanerc (KConfigXT): which configuration is managed,
/// where catalogs come from, and what the Options page lists.
Kirigami.ScrollablePage {
    id: page

    objectName: "settingsPage"
    title: qsTr("Settings", "@title")

    Kirigami.FormLayout {
        Kirigami.Separator {
            Kirigami.FormData.isSection: true
            Kirigami.FormData.label: qsTr("Configuration", "@title:group")
        }
        Kirigami.InlineMessage {
            Layout.fillWidth: true
            type: Kirigami.MessageType.Warning
            visible: ConfigurationPlace.systemError.length > 0
            text: qsTr("The system helper's settings cannot be used: %1", "@info").arg(ConfigurationPlace.systemError)
        }
        SystemConfigurationCard {
            Kirigami.FormData.label: qsTr("Managed configuration:", "@label")
            Layout.fillWidth: true
            visible: ConfigurationPlace.fromSystem
        }
        ConfigurationChoice {
            objectName: "configurationChoice"
            Kirigami.FormData.label: qsTr("Found:", "@label")
            Layout.fillWidth: true
            visible: ConfigurationPlace.needsChoice
        }
        RowLayout {
            Kirigami.FormData.label: qsTr("Directory:", "@label:textbox")
            visible: !ConfigurationPlace.fromSystem

            QQC2.TextField {
                id: directoryField

                Layout.minimumWidth: Kirigami.Units.gridUnit * 16
                text: SnowpaneSettings.configurationDirectory
                Accessible.name: qsTr("Configuration directory", "@label:textbox")
                onAccepted: ConfigurationPlace.choose(text, hostField.text)
            }
            QQC2.Button {
                text: qsTr("Choose…", "@action:button")
                icon.name: "document-open-folder"
                Accessible.name: qsTr("Choose the configuration directory", "@action:button")
                onClicked: folderDialog.open()
            }
        }
        QQC2.Label {
            Layout.maximumWidth: Kirigami.Units.gridUnit * 24
            wrapMode: Text.Wrap
            visible: !ConfigurationPlace.fromSystem
            text: ConfigurationPlace.needsChoice ? "" : ConfigurationPlace.writerText
        }
        QQC2.Label {
            Layout.maximumWidth: Kirigami.Units.gridUnit * 24
            wrapMode: Text.Wrap
            color: Kirigami.Theme.disabledTextColor
            text: Configuration.loaded ? qsTr("Reading %1 and %n file(s) it imports. NixOS itself uses %2.", "@info", Configuration.files.length - 1).arg(Configuration.entryFile).arg(Configuration.detectedEntry()) : Configuration.loadError
        }
        QQC2.TextField {
            id: hostField

            Kirigami.FormData.label: qsTr("Flake host:", "@label:textbox")
            visible: !ConfigurationPlace.fromSystem
            text: SnowpaneSettings.flakeHost
            placeholderText: qsTr("This machine's host name", "@info:placeholder")
            Accessible.name: qsTr("Flake host", "@label:textbox")
            onAccepted: ConfigurationPlace.choose(directoryField.text, text)
        }
        QQC2.Button {
            text: qsTr("Use This Configuration", "@action:button")
            icon.name: "dialog-ok-apply"
            visible: !ConfigurationPlace.fromSystem
            enabled: ConfigurationPlace.needsChoice || directoryField.text !== SnowpaneSettings.configurationDirectory || hostField.text !== SnowpaneSettings.flakeHost
            onClicked: ConfigurationPlace.choose(directoryField.text, hostField.text)
        }

        Kirigami.Separator {
            Kirigami.FormData.isSection: true
            Kirigami.FormData.label: qsTr("Catalogs", "@title:group")
        }
        QQC2.SpinBox {
            Kirigami.FormData.label: qsTr("Import the package catalog again after:", "@label:spinbox")
            from: 1
            to: 365
            value: SnowpaneSettings.catalogRefreshDays
            textFromValue: (value, locale) => qsTr("%n day(s)", "@item:valuesuffix", value)
            Accessible.name: qsTr("Days before the package catalog is imported again", "@label:spinbox")
            onValueModified: {
                SnowpaneSettings.catalogRefreshDays = value;
                ApplicationInfo.saveSettings();
            }
        }
        RowLayout {
            Kirigami.FormData.label: qsTr("Options file:", "@label:textbox")

            QQC2.TextField {
                Layout.minimumWidth: Kirigami.Units.gridUnit * 16
                text: SnowpaneSettings.optionsJson
                placeholderText: qsTr("Evaluate the system's own options", "@info:placeholder")
                Accessible.name: qsTr("An options.json file to use instead of evaluating", "@label:textbox")
                onEditingFinished: {
                    SnowpaneSettings.optionsJson = text;
                    ApplicationInfo.saveSettings();
                }
            }
        }
        QQC2.CheckBox {
            Kirigami.FormData.label: qsTr("Options page:", "@label")
            text: qsTr("Show internal options", "@option:check")
            checked: SnowpaneSettings.showInternalOptions
            onToggled: {
                SnowpaneSettings.showInternalOptions = checked;
                ApplicationInfo.saveSettings();
            }
        }
        QQC2.CheckBox {
            text: qsTr("Show read-only options", "@option:check")
            checked: SnowpaneSettings.showReadOnlyOptions
            onToggled: {
                SnowpaneSettings.showReadOnlyOptions = checked;
                ApplicationInfo.saveSettings();
            }
        }

        Kirigami.Separator {
            Kirigami.FormData.isSection: true
            Kirigami.FormData.label: qsTr("System", "@title:group")
        }
        QQC2.Label {
            Kirigami.FormData.label: qsTr("Profile:", "@label")
            text: SnowpaneSettings.profile
        }
        QQC2.Label {
            Kirigami.FormData.label: qsTr("Running system:", "@label")
            text: SnowpaneSettings.currentSystem
        }
        QQC2.Label {
            Kirigami.FormData.label: qsTr("Booted system:", "@label")
            text: SnowpaneSettings.bootedSystem
        }
    }

    Dialogs.FolderDialog {
        id: folderDialog

        title: qsTr("Choose the Configuration Directory", "@title:window")
        currentFolder: "file://" + directoryField.text
        onAccepted: {
            directoryField.text = decodeURIComponent(selectedFolder.toString().replace(/^file:\/\//, ""));
            ConfigurationPlace.choose(directoryField.text, hostField.text);
        }
    }
}
