// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import io.github.snowpane

// The Packages page on the real catalog of the stand-in nixpkgs (NIX_PATH),
// imported by nix-env the first time: search rows, the warning before adding
// a broken package, edits or their refusal, and the Installed view.
TestCase {
    id: testCase

    /// Waits for nix-env on a busy machine; not a speed check.
    readonly property int importWait: 300000
    /// A search on the worker thread, on a busy machine.
    readonly property int searchWait: 20000

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

    function createPage() {
        // The TestCase item itself is not shown, so the page gets a window of its own.
        const window = createTemporaryQmlObject("import QtQuick; Window { width: 900; height: 700; visible: true }", testCase);
        const component = Qt.createComponent("io.github.snowpane", "PackagesPage");
        compare(component.status, Component.Ready, component.errorString());
        const page = createTemporaryObject(component, window.contentItem, {
            width: window.width,
            height: window.height
        });
        verify(page);
        tryVerify(() => findByObjectName(page, "packageSearchList").visible, searchWait, "the page is shown");
        window.requestActivate();
        tryVerify(() => window.active, searchWait, "the window is active");
        return page;
    }

    /// Types @p text into the search field and waits for its first row.
    function search(page, text, firstAttr) {
        const field = findByObjectName(page, "packageSearchField");
        field.text = text;
        const list = findByObjectName(page, "packageSearchList");
        tryVerify(() => list.count > 0 && list.itemAtIndex(0) && list.itemAtIndex(0).attrPath === firstAttr, searchWait, "a row for " + firstAttr + "; rows: " + list.count + ", model " + list.model.count + " searching " + list.model.searching + " error " + list.model.errorString + " query " + list.model.query + " path " + PackageCatalog.catalogPath + " visible " + list.visible);
        return list.itemAtIndex(0);
    }

    name: "Packages"
    when: windowShown
    width: 900
    height: 700

    function initTestCase() {
        PackageCatalog.start();
        tryVerify(() => PackageCatalog.status === PackageCatalog.Ready || PackageCatalog.status === PackageCatalog.Failed, importWait);
        compare(PackageCatalog.errorString, "", PackageCatalog.errorDetails);
        verify(PackageCatalog.packageCount > 50);
    }

    function test_searchFieldTakesCtrlF() {
        const page = createPage();
        const field = findByObjectName(page, "packageSearchField");
        verify(field);
        compare(field.Accessible.name, "Search packages");
        verify(!field.activeFocus);
        keySequence(StandardKey.Find);
        tryVerify(() => field.activeFocus);
    }

    function test_rowsShowNameVersionDescriptionLicence() {
        const page = createPage();
        const row = search(page, "vscode", "vscode");
        compare(findByObjectName(row, "packageName").text, "vscode");
        verify(findByObjectName(row, "packageVersion").text.length > 0);
        verify(findByObjectName(row, "packageDescription").text.length > 0);
        // The attribute is the title; the details line has the licence.
        verify(findByObjectName(row, "packageDetails").text.length > 0);
        verify(findByObjectName(row, "unfreeBadge").visible);
        const free = search(page, "ripgrep", "ripgrep");
        verify(!findByObjectName(free, "unfreeBadge").visible);
        compare(findByObjectName(free, "packageAction").text, Configuration.isDeclaredPackage("ripgrep") ? "Remove" : "Install");
    }

    function test_brokenPackageWarnsFirst() {
        const page = createPage();
        const row = search(page, "xmms", "xmms");
        const pendingBefore = Configuration.pendingCount;
        mouseClick(findByObjectName(row, "packageAction"));
        tryVerify(() => page.addDialog.opened);
        verify(page.addDialog.subtitle.indexOf("xmms is marked as broken") === 0, page.addDialog.subtitle);
        compare(page.addDialog.title, "Add xmms?");
        page.addDialog.close();
        tryVerify(() => !page.addDialog.visible);
        compare(Configuration.pendingCount, pendingBefore);
    }

    function test_installIsAnEditOrSaysWhyNot() {
        const page = createPage();
        const row = search(page, "htop", "htop");
        mouseClick(findByObjectName(row, "packageAction"));
        if (Configuration.loaded) {
            verify(Configuration.isDeclaredPackage("htop"));
            verify(findByObjectName(page, "editDone").visible);
            Configuration.discardAll();
        } else {
            // No configuration to edit: the page says why in words.
            const refusal = findByObjectName(page, "editRefusal");
            verify(refusal.visible);
            compare(refusal.text, Configuration.loadError);
        }
    }

    function test_installedView() {
        const page = createPage();
        const tabs = findByObjectName(page, "packageViewTabs");
        mouseClick(findByObjectName(page, "installedTab"));
        compare(tabs.currentIndex, 1);
        const installed = findByObjectName(page, "packageInstalledList");
        verify(installed);
        // Typing a search goes back to the results.
        findByObjectName(page, "packageSearchField").text = "vim";
        compare(tabs.currentIndex, 0);
    }

    function test_badgeIsAccessible() {
        const badge = createTemporaryQmlObject("import io.github.snowpane; PackageBadge { text: \"Unfree\" }", testCase);
        compare(badge.Accessible.name, "Unfree");
        verify(badge.implicitWidth > 0);
    }
}
