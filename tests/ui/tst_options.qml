// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import io.github.snowpane

// The Options page and its components on the demo configuration of the
// fixtures, whose catalog is evaluated with real Nix (the stand-in nixpkgs
// from NIX_PATH, as tools/dev sets it).
TestCase {
    id: testCase

    property string savedDirectory

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
        if (item.contentItem && item.contentItem !== item && children.indexOf(item.contentItem) < 0) {
            return findByObjectName(item.contentItem, objectName);
        }
        return null;
    }

    function initTestCase() {
        savedDirectory = SnowpaneSettings.configurationDirectory;
        const url = Qt.resolvedUrl("../fixtures/demo").toString();
        SnowpaneSettings.configurationDirectory = decodeURIComponent(url.replace(/^file:\/\//, ""));
        Configuration.reload();
        verify(Configuration.editable, Configuration.loadError);
        OptionsBackend.reload(false);
        tryVerify(() => OptionsBackend.status !== OptionsBackend.Loading, 180000, "the catalog opens");
        compare(OptionsBackend.status, OptionsBackend.Ready, OptionsBackend.errorText + "\n" + OptionsBackend.errorDetails);
    }

    function cleanupTestCase() {
        Configuration.discardAll();
        SnowpaneSettings.configurationDirectory = savedDirectory;
        Configuration.reload();
    }

    function init() {
        Configuration.discardAll();
    }

    name: "Options"
    when: windowShown
    // TestCase hides itself by default; the pages must be visible for their controls to be.
    visible: true
    width: 900
    height: 700

    Component {
        id: pageComponent

        // Kirigami pages stay hidden until a page row shows them.
        OptionsPage {
            visible: true
            width: 900
            height: 700
        }
    }

    Component {
        id: optionPageComponent

        OptionPage {
            visible: true
            width: 900
            height: 700
        }
    }

    function test_searchGivesInstantResults() {
        const page = createTemporaryObject(pageComponent, testCase);
        verify(page);
        const field = findByObjectName(page, "optionSearchField");
        verify(field, "the search field exists");
        field.text = "openssh";
        const results = findByObjectName(page, "searchResults");
        verify(results);
        // No timer between typing and results.
        verify(results.count > 0);
        compare(results.model.nameAt(0).indexOf("services.openssh."), 0);
        verify(findByObjectName(page, "resultCount").text.length > 0);
        field.text = "zzzznotanoption";
        compare(results.count, 0);
    }

    function test_ctrlFFocusesTheSearch() {
        const page = createTemporaryObject(pageComponent, testCase);
        const field = findByObjectName(page, "optionSearchField");
        const tab = findByObjectName(page, "servicesTab");
        tab.forceActiveFocus();
        verify(!field.activeFocus);
        keyClick(Qt.Key_F, Qt.ControlModifier);
        verify(field.activeFocus);
    }

    function test_servicesViewTogglesRecordEdits() {
        const page = createTemporaryObject(pageComponent, testCase);
        const list = findByObjectName(page, "servicesList");
        verify(list.count > 5);
        const model = list.model;
        let row = -1;
        for (let i = 0; i < model.count; ++i) {
            if (model.nameAt(i) === "services.openssh.enable") {
                row = i;
            }
        }
        verify(row >= 0, "openssh is in the services view");
        list.positionViewAtIndex(row, ListView.Center);
        wait(0);
        const delegate = list.itemAtIndex(row);
        verify(delegate);
        compare(delegate.title, "openssh");
        verify(delegate.switchOn, "the demo enables openssh");
        const toggle = findByObjectName(delegate, "optionToggle");
        verify(toggle && toggle.enabled);
        toggle.click();
        compare(Configuration.pendingCount, 1);
        compare(Configuration.pendingDescriptions[0], "Disable services.openssh");
        compare(delegate.switchOn, false);
        compare(toggle.checked, false);
    }

    function test_categories() {
        const page = createTemporaryObject(pageComponent, testCase);
        page.view = "categories";
        const categories = findByObjectName(page, "categoryList");
        verify(categories.count > 3);
        page.category = "networking";
        const options = findByObjectName(page, "categoryOptions");
        verify(options.count > 0);
        let found = false;
        for (let i = 0; i < options.model.count; ++i) {
            found = found || options.model.nameAt(i) === "networking.hostName";
        }
        verify(found);
    }

    function test_optionPageEditsAfterValidation() {
        const page = createTemporaryObject(optionPageComponent, testCase, {
            optionName: "services.openssh.settings.MaxAuthTries"
        });
        verify(page);
        compare(page.title, "services.openssh.settings.MaxAuthTries");
        verify(findByObjectName(page, "typeLabel").text.indexOf("between 1 and 100") >= 0);
        const spin = findByObjectName(page, "spinEditor");
        verify(spin, "an integer with a range gets a spin box");
        compare(spin.from, 1);
        compare(spin.to, 100);
        compare(spin.value, 6);
        spin.value = 4;
        const apply = findByObjectName(spin.parent, "applyButton");
        apply.clicked();
        compare(Configuration.literalValue("services.openssh.settings.MaxAuthTries"), 4);
        verify(findByObjectName(page, "definedIn").text.indexOf("configuration.nix:") === 0);
        verify(findByObjectName(page, "description").text.length > 0);
    }

    function test_textEditorShowsWhyAValueIsRefused() {
        const page = createTemporaryObject(optionPageComponent, testCase, {
            optionName: "services.openssh.ports"
        });
        // The default, [ 22 ], is where the list starts.
        compare(findByObjectName(page, "listItem").text, "22");
        const add = findByObjectName(page, "newListItem");
        verify(add, "a list gets the list editor");
        add.text = "70000";
        findByObjectName(page, "addListItemButton").clicked();
        findByObjectName(page, "applyButton").clicked();
        const message = findByObjectName(page, "validationMessage");
        verify(message.visible);
        verify(message.text.indexOf("70000") >= 0, message.text);
        compare(Configuration.pendingCount, 0);
    }

    function test_choiceAndSwitchEditors() {
        const choicePage = createTemporaryObject(optionPageComponent, testCase, {
            optionName: "services.openssh.settings.PermitRootLogin"
        });
        const combo = findByObjectName(choicePage, "choiceEditor");
        verify(combo);
        compare(combo.currentText, "no");
        const switchPage = createTemporaryObject(optionPageComponent, testCase, {
            optionName: "programs.git.enable"
        });
        const toggle = findByObjectName(switchPage, "switchEditor");
        verify(toggle);
        verify(toggle.checked);
        toggle.click();
        compare(Configuration.literalValue("programs.git.enable"), false);
    }

    function test_readOnlyViewAndEffectiveValue() {
        const page = createTemporaryObject(optionPageComponent, testCase, {
            optionName: "system.configurationRevision"
        });
        const reason = findByObjectName(page, "readOnlyReason");
        verify(reason.visible);
        verify(reason.text.length > 0);
        const source = findByObjectName(page, "definitionSource");
        verify(source.visible);
        verify(source.text.indexOf("mkIf") >= 0, source.text);

        const ports = createTemporaryObject(optionPageComponent, testCase, {
            optionName: "services.openssh.ports"
        });
        const effective = findByObjectName(ports, "effectiveValue");
        tryVerify(() => effective.visible, 120000, "the effective value is evaluated");
        compare(effective.text, "[ 22 ]");
    }
}
