// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import io.github.snowpane

// The Changes page on a copy of the demo configuration (see tst_qml.cpp):
// edits from anywhere appear as one card per file, and discarding a file
// takes its edits back.
TestCase {
    id: testCase

    name: "Changes"
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

    function findAll(item, predicate, out) {
        if (predicate(item)) {
            out.push(item);
        }
        const children = item.children ?? [];
        for (let i = 0; i < children.length; ++i) {
            findAll(children[i], predicate, out);
        }
        return out;
    }

    function init() {
        Configuration.reload();
    }

    function cleanup() {
        Configuration.discardAll();
    }

    function test_emptyWhenNothingIsPending() {
        verify(Configuration.loaded, Configuration.loadError);
        compare(Configuration.pendingCount, 0);
        const page = createTemporaryObject(Qt.createComponent("io.github.snowpane", "ChangesPage"), testCase);
        verify(page);
        const cards = findAll(page, item => item.diff !== undefined && item.added !== undefined, []);
        compare(cards.length, 0);
        verify(findByObjectName(page, "applyButton").enabled);
    }

    function test_oneCardPerChangedFile() {
        compare(Configuration.setOptionValue("time.timeZone", "UTC"), "");
        compare(Configuration.setOptionValue("services.xserver.enable", false), "");
        compare(Configuration.addPackage("htop"), "");
        compare(Configuration.pendingCount, 3);
        compare(Configuration.pendingDescriptions[1], "Disable services.xserver");

        const page = createTemporaryObject(Qt.createComponent("io.github.snowpane", "ChangesPage"), testCase, {
            width: testCase.width,
            height: testCase.height
        });
        verify(page);
        let cards = findAll(page, item => item.diff !== undefined && item.added !== undefined, []);
        compare(cards.length, 2);
        const names = cards.map(card => card.name).sort();
        compare(names, ["configuration.nix", "desktop.nix"]);
        const main = cards.find(card => card.name === "configuration.nix");
        verify(main.diff.indexOf("+  time.timeZone = \"UTC\";") >= 0, main.diff);
        verify(main.diff.indexOf("+    htop") >= 0, main.diff);
        compare(main.added, 2);
        compare(main.removed, 1);

        const desktop = cards.find(card => card.name === "desktop.nix");
        compare(Configuration.discardFile(desktop.path), "");
        compare(Configuration.pendingCount, 2);
        cards = findAll(page, item => item.diff !== undefined && item.added !== undefined, []);
        compare(cards.length, 1);
    }

    function test_applyNamesTheModeInWords() {
        const page = createTemporaryObject(Qt.createComponent("io.github.snowpane", "ChangesPage"), testCase);
        const box = findByObjectName(page, "applyModeBox");
        verify(box);
        compare(box.count, 5);
        compare(box.textAt(0), "Switch now");
        compare(box.textAt(1), "Use at next boot");
        compare(box.textAt(2), "Try without adding to the boot menu");
        compare(box.textAt(3), "Build only");
        compare(box.textAt(4), "Preview which services would restart");
    }
}
