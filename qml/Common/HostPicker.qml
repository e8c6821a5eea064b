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

        Layout.fillWidth: true
        Accessible.name: qsTr("Host", "@label:listbox the flake host the pages work on")
        model: FlakeHostList.hosts.map(h => h === FlakeHostList.thisMachine ? qsTr("%1 (this machine)", "@item:inlistbox a host").arg(h) : h)
        currentIndex: FlakeHostList.hosts.indexOf(FlakeHostList.current)
        onActivated: index => FlakeHostList.choose(FlakeHostList.hosts[index])
    }
    Controls.Label {
        Layout.fillWidth: true
        visible: FlakeHostList.reading === "static"
        wrapMode: Text.Wrap
        font: Kirigami.Theme.smallFont
        text: qsTr("Hosts read from flake.nix: Nix could not evaluate the flake.", "@info")
        Controls.ToolTip.text: FlakeHostList.why
        Controls.ToolTip.visible: hover.hovered
        HoverHandler {
            id: hover
        }
    }
    Component.onCompleted: FlakeHostList.refresh()
}
