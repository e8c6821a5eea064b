// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import io.github.snowpane
import io.github.snowpane.testing

// A flake with several hosts (a copy of tests/fixtures/hosts, this machine
// alpha; see HostsTesting in tst_qml.cpp): the drawer's host picker marks
// this machine's host, choosing another changes what the Options, Packages
// and Changes pages work on, another host can be built but not activated,
// and an edit of a file other hosts share asks whether to change it for all
// of them or override it for this host only.
TestCase {
    id: testCase

    name: "Hosts"
    when: windowShown
    width: 900
    height: 700

    function findByObjectName(item, objectName) {
        if (item.objectName === objectName) {
            return item;
        }
        const children = item.children ?? [];
        for (let i = 0; i < children.length; ++i) {
            const found = findByObjectName(children[i], objectName);
            if (found) {
                return found;
            }
        }
        return null;
    }

    function makePicker() {
        const picker = createTemporaryObject(Qt.createComponent("io.github.snowpane", "HostPicker"), testCase, {
            width: 300
        });
        verify(picker);
        return picker;
    }

    function init() {
        compare(HostsTesting.useHostsFlake(), "");
    }

    function cleanup() {
        Configuration.dismissSharedChoice();
        Configuration.discardAll();
        HostsTesting.useDemo();
    }

    function test_pickerListsTheHostsAndMarksThisMachine() {
        const picker = makePicker();
        compare(FlakeHostList.hosts.slice().sort(), ["alpha", "beta", "delta", "gamma", "omega"]);
        compare(FlakeHostList.thisMachine, "alpha");
        compare(FlakeHostList.current, "alpha");
        const box = findByObjectName(picker, "hostBox");
        verify(box);
        compare(box.count, 5);
        compare(box.currentText, "alpha (this machine)");
        compare(box.textAt(FlakeHostList.hosts.indexOf("beta")), "beta");
    }

    // Nothing chosen, and this machine is none of the flake's hosts: the picker asks, it does not show an empty box.
    function test_noHostChosenAsksForOne() {
        const loadError = HostsTesting.useHostsFlake("");
        verify(loadError.indexOf("several hosts") >= 0, loadError);
        const picker = makePicker();
        verify(FlakeHostList.hosts.indexOf(FlakeHostList.thisMachine) < 0, FlakeHostList.thisMachine);
        compare(FlakeHostList.current, "");
        const box = findByObjectName(picker, "hostBox");
        compare(box.currentIndex, -1);
        compare(box.displayText, "Choose a host");
        box.activated(FlakeHostList.hosts.indexOf("beta"));
        compare(Configuration.flakeHost, "beta");
        compare(box.displayText, "beta");
    }

    function test_oneHostNeedsNoPicker() {
        HostsTesting.useDemo();
        const picker = makePicker();
        // The picker shows only for more than one host (its visible binding); a configuration.nix has none.
        compare(FlakeHostList.hosts.length, 0);
        compare(findByObjectName(picker, "hostBox").count, 0);
    }

    function test_choosingAHostChangesWhatThePagesWorkOn() {
        const picker = makePicker();
        const box = findByObjectName(picker, "hostBox");
        verify(Configuration.files.indexOf("hosts/alpha/default.nix") >= 0);

        box.activated(FlakeHostList.hosts.indexOf("gamma"));
        compare(Configuration.flakeHost, "gamma");
        compare(FlakeHostList.current, "gamma");
        compare(box.currentText, "gamma");
        // Options: definitions come from gamma's files.
        verify(Configuration.files.indexOf("hosts/gamma/default.nix") >= 0);
        verify(Configuration.files.indexOf("hosts/alpha/default.nix") < 0);
        compare(Configuration.definitions("networking.hostName").map(d => d.file), ["hosts/gamma/default.nix"]);
        // Packages: gamma is no desktop, so the desktop profile's firefox is not among its packages.
        const gammaPackages = Configuration.declaredPackages.map(p => p.attr);
        verify(gammaPackages.includes("git"), gammaPackages);
        verify(!gammaPackages.includes("firefox"), gammaPackages);
        // Changes: a new definition goes into gamma's own file.
        compare(Configuration.setOptionValue("services.tailscale.enable", true), "");
        compare(Configuration.changedFiles.map(f => f.name), ["hosts/gamma/default.nix"]);

        box.activated(FlakeHostList.hosts.indexOf("beta"));
        compare(Configuration.flakeHost, "beta");
        compare(Configuration.pendingCount, 0);
        verify(Configuration.declaredPackages.map(p => p.attr).includes("firefox"));
    }

    function test_theReadingInUseIsShownWithTheReason() {
        const picker = makePicker();
        // The copy has no nixpkgs beside it: Nix fails in the background, and the static reading stays, with Nix's reason.
        tryCompare(FlakeHostList, "busy", false, 120000);
        compare(FlakeHostList.reading, "static");
        verify(FlakeHostList.why.length > 0);
        const label = findByObjectName(picker, "hostReading");
        verify(label.text.indexOf("without Nix") >= 0, label.text);
        verify(label.text.indexOf(FlakeHostList.why.split("\n")[0]) >= 0, label.text);
    }

    function test_anotherHostIsBuiltButNotActivated() {
        FlakeHostList.choose("beta");
        const page = createTemporaryObject(Qt.createComponent("io.github.snowpane", "ChangesPage"), testCase, {
            width: testCase.width,
            height: testCase.height
        });
        verify(page);
        const modeBox = findByObjectName(page, "applyModeBox");
        const apply = findByObjectName(page, "applyButton");
        const refusal = findByObjectName(page, "modeRefusal");
        compare(modeBox.currentIndex, 0);
        verify(!apply.enabled);
        compare(refusal.text, page.modeRefusal);
        compare(refusal.text, FlakeHostList.activationRefusal);
        verify(refusal.text.indexOf("beta") >= 0 && refusal.text.indexOf("alpha") >= 0, refusal.text);
        for (const index of [1, 2, 4]) {
            modeBox.currentIndex = index;
            verify(!apply.enabled, modeBox.currentText);
        }
        modeBox.currentIndex = 3;
        compare(modeBox.currentText, "Build only");
        verify(apply.enabled);
        compare(page.modeRefusal, "");

        modeBox.currentIndex = 0;
        FlakeHostList.choose("alpha");
        verify(apply.enabled);
        compare(page.modeRefusal, "");
    }

    function test_sharedFileAsksForAllOrThisHostOnly() {
        const dialog = createTemporaryObject(Qt.createComponent("io.github.snowpane", "SharedFileDialog"), testCase);
        verify(dialog);
        verify(Configuration.setOptionValue("time.timeZone", "UTC").length > 0);
        compare(Configuration.pendingCount, 0);
        tryCompare(dialog, "opened", true);
        compare(dialog.choice.file, "modules/base.nix");
        compare(dialog.choice.otherHosts, ["beta", "delta", "gamma", "omega"]);
        verify(dialog.thisHostAction.visible);
        dialog.thisHostAction.trigger();
        tryCompare(dialog, "opened", false);
        compare(Configuration.pendingCount, 1);
        compare(Configuration.changedFiles.map(f => f.name), ["hosts/alpha/default.nix"]);
        verify(Configuration.changedFiles[0].diff.indexOf("+  time.timeZone = lib.mkForce \"UTC\";") >= 0, Configuration.changedFiles[0].diff);

        Configuration.discardAll();
        verify(Configuration.unsetOption("i18n.defaultLocale").length > 0);
        tryCompare(dialog, "opened", true);
        verify(!dialog.thisHostAction.visible);
        dialog.allHostsAction.trigger();
        tryCompare(dialog, "opened", false);
        compare(Configuration.changedFiles.map(f => f.name), ["modules/base.nix"]);

        // Cancel: nothing changes.
        Configuration.discardAll();
        verify(Configuration.setOptionValue("time.timeZone", "UTC").length > 0);
        tryCompare(dialog, "opened", true);
        dialog.reject();
        tryCompare(dialog, "opened", false);
        verify(!Configuration.sharedChoice.pending);
        compare(Configuration.pendingCount, 0);
    }
}
