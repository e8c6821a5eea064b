<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ChangesPage</name>
    <message numerus="yes">
        <source>%n change(s) to apply</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%n change to apply</numerusform>
            <numerusform>%n changes to apply</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GenerationCleanup</name>
    <message numerus="yes">
        <source>Remove %n Generation(s)</source>
        <comment>@action:button</comment>
        <translation>
            <numerusform>Remove %n Generation</numerusform>
            <numerusform>Remove %n Generations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s)</source>
        <comment>@item:valuesuffix</comment>
        <translation>
            <numerusform>%n generation</numerusform>
            <numerusform>%n generations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>@item:valuesuffix</comment>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GenerationSpace</name>
    <message numerus="yes">
        <source>%n old generation(s) hold %1 that nothing else uses.</source>
        <translation>
            <numerusform>%n old generation holds %1 that nothing else uses.</numerusform>
            <numerusform>%n old generations hold %1 that nothing else uses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generation(s) %1 will be deleted. You can no longer switch to or boot into them.</source>
        <translation>
            <numerusform>Generation %1 will be deleted. You can no longer switch to or boot into it.</numerusform>
            <numerusform>Generations %1 will be deleted. You can no longer switch to or boot into them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OptionDetails</name>
    <message numerus="yes">
        <source>Your configuration defines this option in %n places, so it is edited in the files.</source>
        <translation>
            <numerusform>Your configuration defines this option in %n place, so it is edited in the files.</numerusform>
            <numerusform>Your configuration defines this option in %n places, so it is edited in the files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OptionPresentation</name>
    <message numerus="yes">
        <source>defined %n times; edit it in the files</source>
        <translation>
            <numerusform>defined %n time; edit it in the files</numerusform>
            <numerusform>defined %n times; edit it in the files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message numerus="yes">
        <source>Search %n options…</source>
        <comment>@info:placeholder</comment>
        <translation>
            <numerusform>Search %n option…</numerusform>
            <numerusform>Search %n options…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n option(s) found.</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%n option found.</numerusform>
            <numerusform>%n options found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n option(s)</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%1, %n option</numerusform>
            <numerusform>%1, %n options</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n option(s)</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%n option</numerusform>
            <numerusform>%n options</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message numerus="yes">
        <source>%n pending change(s) not applied yet.</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%n pending change not applied yet.</numerusform>
            <numerusform>%n pending changes not applied yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackageCatalog</name>
    <message numerus="yes">
        <source>The package catalog is more than %n day(s) old.</source>
        <translation>
            <numerusform>The package catalog is more than %n day old.</numerusform>
            <numerusform>The package catalog is more than %n days old.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackageImportStatus</name>
    <message numerus="yes">
        <source>%n package(s) read.</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%n package read.</numerusform>
            <numerusform>%n packages read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <source>Reading %1 and %n file(s) it imports. NixOS itself uses %2.</source>
        <comment>@info</comment>
        <translation>
            <numerusform>Reading %1 and %n file it imports. NixOS itself uses %2.</numerusform>
            <numerusform>Reading %1 and %n files it imports. NixOS itself uses %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>@item:valuesuffix</comment>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SystemActions</name>
    <message numerus="yes">
        <source>Removed %n old generation(s) and collected the files nothing uses any more.</source>
        <translation>
            <numerusform>Removed %n old generation and collected the files nothing uses any more.</numerusform>
            <numerusform>Removed %n old generations and collected the files nothing uses any more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpdateController</name>
    <message numerus="yes">
        <source>nixpkgs from %1, %n day(s) old</source>
        <translation>
            <numerusform>nixpkgs from %1, %n day old</numerusform>
            <numerusform>nixpkgs from %1, %n days old</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last checked %n minute(s) ago</source>
        <translation>
            <numerusform>Last checked %n minute ago</numerusform>
            <numerusform>Last checked %n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last checked %n hour(s) ago</source>
        <translation>
            <numerusform>Last checked %n hour ago</numerusform>
            <numerusform>Last checked %n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last checked %n day(s) ago</source>
        <translation>
            <numerusform>Last checked %n day ago</numerusform>
            <numerusform>Last checked %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n package(s) upgraded</source>
        <comment>part of a list of package changes</comment>
        <translation>
            <numerusform>%n package upgraded</numerusform>
            <numerusform>%n packages upgraded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n downgraded</source>
        <comment>part of a list of package changes: packages downgraded</comment>
        <translation>
            <numerusform>%n downgraded</numerusform>
            <numerusform>%n downgraded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>part of a list of package changes: packages added</comment>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>part of a list of package changes: packages removed</comment>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpdatesPage</name>
    <message numerus="yes">
        <source>Your %n pending change(s) are applied with the update. The preview above does not include them.</source>
        <comment>@info</comment>
        <translation>
            <numerusform>Your %n pending change is applied with the update. The preview above does not include it.</numerusform>
            <numerusform>Your %n pending changes are applied with the update. The preview above does not include them.</numerusform>
        </translation>
    </message>
</context>
</TS>
