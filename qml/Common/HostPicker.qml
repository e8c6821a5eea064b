// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as Controls
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

// The drawer's host picker: shown when the flake has more than one host.
ColumnLayout {
    id: picker

    visible: FlakeHostList.hosts.length > 1
    spacing: Kirigami.Units.smallSpacing

    Controls.ComboBox {
        id: box

        objectName: "hostBox"
        Layout.fillWidth: true
        Accessible.name: qsTr("Host", "@label:listbox the flake host the pages work on")
        model: FlakeHostList.hosts.map(h => h === FlakeHostList.thisMachine ? qsTr("%1 (this machine)", "@item:inlistbox a host").arg(h) : h)
        currentIndex: FlakeHostList.hosts.indexOf(FlakeHostList.current)
        // No host chosen, and this machine is none of them: say so rather than show an empty box.
        displayText: currentIndex < 0 ? qsTr("Choose a host", "@info:placeholder the host picker before a host is chosen") : currentText
        onActivated: index => FlakeHostList.choose(FlakeHostList.hosts[index])
    }
    // Which reading the list comes from, and for the static one why Nix is not used.
    Controls.Label {
        objectName: "hostReading"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        elide: Text.ElideRight
        maximumLineCount: 4
        font: Kirigami.Theme.smallFont
        color: Kirigami.Theme.disabledTextColor
        text: FlakeHostList.busy ? qsTr("Evaluating the flake with Nix…", "@info") : FlakeHostList.reading === "evaluation" ? qsTr("Hosts as Nix evaluates the flake.", "@info") : qsTr("Hosts read from flake.nix without Nix: %1", "@info").arg(FlakeHostList.why)
        Accessible.name: text
        Controls.ToolTip.text: FlakeHostList.why
        Controls.ToolTip.visible: hover.hovered && FlakeHostList.why.length > 0
        HoverHandler {
            id: hover
        }
    }
    Component.onCompleted: FlakeHostList.refresh()
}
