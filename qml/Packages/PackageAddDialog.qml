// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import org.kde.kirigami as Kirigami

/// Asks before a package with a catch is added: unfree and not allowed by
/// the configuration (offering to allow unfree packages), broken, or
/// insecure. The advice comes from PackageEdits.adviseAdd().
Kirigami.PromptDialog {
    id: dialog

    /// The answer of PackageEdits.adviseAdd() for the package in question.
    property packageAdvice advice

    signal addConfirmed(string attrPath, bool allowUnfree)

    preferredWidth: Kirigami.Units.gridUnit * 30
    title: dialog.advice.title
    subtitle: dialog.advice.text
    standardButtons: Kirigami.Dialog.NoButton
    customFooterActions: [
        Kirigami.Action {
            objectName: "allowUnfreeAndAdd"
            text: qsTr("Allow Unfree Packages and Add", "@action:button")
            icon.name: "list-add"
            visible: dialog.advice.offerAllowUnfree
            onTriggered: {
                dialog.addConfirmed(dialog.advice.attr, true);
                dialog.close();
            }
        },
        Kirigami.Action {
            objectName: "addAnyway"
            text: qsTr("Add Anyway", "@action:button")
            icon.name: "list-add"
            onTriggered: {
                dialog.addConfirmed(dialog.advice.attr, false);
                dialog.close();
            }
        },
        Kirigami.Action {
            objectName: "cancelAdd"
            text: qsTr("Cancel", "@action:button")
            icon.name: "dialog-cancel"
            onTriggered: dialog.close()
        }
    ]
}
