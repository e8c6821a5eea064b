<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>ApplicationInfo</name>
    <message>
        <source>Settings for NixOS: options, packages and generations, with every change reviewed, committed and reversible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>© 2026 Snowpane contributors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snowpane contributors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds and switches the system</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message>
        <source>Changes</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard All</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload Files</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the configuration files again; pending changes are dropped</source>
        <comment>@info:tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to apply</source>
        <comment>@info</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No pending changes: applying rebuilds the configuration as it is.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to apply</source>
        <comment>@label:listbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply: %1</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: %3. Fix this syntax error before making or applying changes.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pending changes</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes made on the Options and Packages pages are listed here, as they will be written into your files, before anything is applied.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edits</source>
        <comment>@title:group</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard: %1</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <comment>@title:group</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigurationSession</name>
    <message>
        <source>Enable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the setting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the package %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the package %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration in %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a syntax error at line %2. Fix it before making changes here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an option name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value cannot be written into a configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lies outside the configuration directory %2, so Snowpane cannot save it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDiffCard</name>
    <message>
        <source>+%1 −%2</source>
        <comment>@info lines added and removed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines added, %2 lines removed</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <comment>@action:button discard the edits of one file</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes to %1</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to %1</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerationCleanup</name>
    <message>
        <source>Remove Old Generations</source>
        <comment>@title:window</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n Generation(s)</source>
        <comment>@action:button</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <comment>@item:inlistbox followed by a number of generations</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove those older than</source>
        <comment>@item:inlistbox followed by a number of days</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which generations to remove</source>
        <comment>@label:listbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of generations to keep</source>
        <comment>@label:spinbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age in days</source>
        <comment>@label:spinbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring the space</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The space could not be measured: %1</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s)</source>
        <comment>@item:valuesuffix</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>@item:valuesuffix</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GenerationComparison</name>
    <message>
        <source>The configuration in %1 is not kept in git, so the configuration files of generations cannot be compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration&apos;s git history in %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 is not linked to a commit of the configuration, so its configuration files cannot be compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 is not in the system profile any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The packages of generations %1 and %2 cannot be read from the Nix store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerationComparisonView</name>
    <message>
        <source>Comparing</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing generation %1 with generation %2…</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide Details</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From generation %1 to generation %2</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure size: %1 → %2 (%3)</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No package changed.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 upgraded</source>
        <comment>@info package count</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 downgraded</source>
        <comment>@info package count</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added</source>
        <comment>@info package count</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 removed</source>
        <comment>@info package count</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 other</source>
        <comment>@info package count</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration files are the same in both generations.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One file changed.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files changed.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration diff between generations %1 and %2</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>@info:whatsthis package change</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerationDetails</name>
    <message>
        <source>Generation %1</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No generation selected</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size unknown</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size: reading…</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NixOS %1</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown version</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux %1</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built %1</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the commit that built it…</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not linked to a commit of the configuration</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (built with changes that were not committed)</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit %1: %2</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialisations: %1</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to This Generation</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to generation %1</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot into This Next Time</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot into generation %1 next time</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore This Configuration</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the configuration of generation %1</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with:</source>
        <comment>@label:listbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation to compare with</source>
        <comment>@label:listbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with Current</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another generation to compare with.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerationListModel</name>
    <message>
        <source>Generation %1 (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 (running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 is not in the system profile any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to generation %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 is already the current generation, and it is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 becomes the current generation and is activated now: services start, stop or restart to match it, and it becomes the default entry of the boot menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1, which is running now, stays in the list, so you can switch back to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot into generation %1 next time?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 is already the default entry of the boot menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 becomes the current generation and the default entry of the boot menu. It starts the next time the computer starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until then, nothing changes in the running system (generation %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until then, nothing changes in the running system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at Next Boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the configuration of generation %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snowpane is still looking for the commit that built generation %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 is not linked to a commit of the configuration, so there is nothing to restore. Generations built before the configuration was kept in git have no commit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (“%2”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files in %1 are replaced by those of commit %2, which built generation %3. The result is saved as a new commit, so the history keeps both versions; changes in %1 that are not committed yet are committed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 was built with changes that were never committed; those changes cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit that is not applied yet will be discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your %1 edits that are not applied yet will be discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system itself does not change: apply the restored configuration on the Changes page to build and use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NixOS %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerationPackageChangeModel</name>
    <message>
        <source>Upgraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downgraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other version changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now installed directly, or no longer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, now in the system packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, now only a dependency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerationRow</name>
    <message>
        <source>Generation %1</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current</source>
        <comment>@info generation tag</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <comment>@info generation tag</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booted</source>
        <comment>@info generation tag</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NixOS %1</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown version</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current</source>
        <comment>@info generation tag</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <comment>@info generation tag</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booted</source>
        <comment>@info generation tag</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux %1</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>specialisations: %1</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for its commit…</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No configuration commit</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 only here</source>
        <comment>@info store space that only this generation uses</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerationSizeChart</name>
    <message>
        <source>Closure size of each generation</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1: %2</source>
        <comment>@info:whatsthis chart bar</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1: size not known yet</source>
        <comment>@info:whatsthis chart bar</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerationSizes</name>
    <message>
        <source>no change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerationSpace</name>
    <message>
        <source>There are no old generations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n old generation(s) hold %1 that nothing else uses.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a number of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No generation matches, so nothing would be removed. The current generation and the ones the machine booted and runs are always kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This frees up to %1 of disk space; files that other profiles still use stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The space this frees is still being measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current generation and the ones the machine booted and runs are always kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Generation(s) %1 will be deleted. You can no longer switch to or boot into them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The space this frees could not be measured.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerationsPage</name>
    <message>
        <source>Generations</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generations of the system profile</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No generations</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Old Generations…</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete old generations and the files only they use</source>
        <comment>@info:tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Snowpane</source>
        <comment>@title:window</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snowpane</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <comment>@action:inmenu</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <comment>@action:inmenu</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages</source>
        <comment>@action:inmenu</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generations</source>
        <comment>@action:inmenu</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes (%1)</source>
        <comment>@action:inmenu with the number of pending changes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <comment>@action:inmenu</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <comment>@action:inmenu</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Snowpane</source>
        <comment>@action:inmenu</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates (ready)</source>
        <comment>@action:inmenu an update waits for review</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates</source>
        <comment>@action:inmenu</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotYetPage</name>
    <message>
        <source>Not available in this version yet</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationSheet</name>
    <message>
        <source>Cancel</source>
        <comment>@action:button stop the running operation</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert the Change</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the configuration files as they were before this change</source>
        <comment>@info:tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 packages built</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 downloaded</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1 at Line %2</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the Log</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Log (%1 lines)</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the log…</source>
        <comment>@info:placeholder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the log</source>
        <comment>@label:textbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log of the operation</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide Details</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Details</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionDetails</name>
    <message>
        <source>NixOS sets this option itself; a configuration cannot set it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute sets are edited in the configuration file, where each entry can be written out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The elements of this list are structured values, so the list is edited in the configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no option called %1 in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a syntax error at line %2. Fix it before making changes here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your configuration defines this option in %n places, so it is edited in the files.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Your configuration computes this value, so it is edited in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your configuration computes this value (%1), so it is edited in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is neither true nor false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a list of packages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a package name such as firefox or python3Packages.numpy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not one of the choices of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No option is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nix could not compute the value of this option.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionListEditor</name>
    <message>
        <source>Item %1</source>
        <comment>@label:textbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove item %1</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package to add, such as firefox</source>
        <comment>@info:placeholder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to add</source>
        <comment>@info:placeholder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item to add</source>
        <comment>@info:placeholder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package to add</source>
        <comment>@label:textbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item to add</source>
        <comment>@label:textbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the package</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the item</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the list</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo edits</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the edits to the list</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages that match</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionLoadStatus</name>
    <message>
        <source>Opening the options</source>
        <comment>@info:status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel opening the options</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide details</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nix&apos;s message</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionPage</name>
    <message>
        <source>Option %1</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to default</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the setting from your configuration, so that the default applies</source>
        <comment>@info:tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog of your system has no option called %1.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defined in:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2</source>
        <comment>@info file:line</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set in your configuration; the default applies</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The definition in your configuration</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective value</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Nix computes for this option from the saved configuration and every module; edits that are not applied yet are not included.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating</source>
        <comment>@info:status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating with Nix…</source>
        <comment>@info:status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective value</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default value</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example value</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared in</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide details</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nix&apos;s message</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionPresentation</name>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>defined %n times; edit it in the files</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, computed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionRow</name>
    <message>
        <source>Enable %1</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionValueEditor</name>
    <message>
        <source>Set to null</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 to null</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <comment>@option:check</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <comment>@option:check</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable %1</source>
        <comment>@option:check</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value of %1</source>
        <comment>@label:spinbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: %1</source>
        <comment>@info:placeholder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value of %1</source>
        <comment>@label:textbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file for %1</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must match %1</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file for %1</source>
        <comment>@title:window</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value of %1</source>
        <comment>@label:listbox</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionsBackend</name>
    <message>
        <source>Opening the options of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the options was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nix could not evaluate the options of your system, so the options come from %1 and may not match it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options file %1 could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options of your system could not be evaluated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no option called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an on/off option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is read-only: NixOS sets it itself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Options</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate again</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the options of your system again with Nix</source>
        <comment>@info:tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Search %n options…</source>
        <comment>@info:placeholder</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Search options</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services and programs</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of options</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to all categories</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 options found; showing the best %2.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n option(s) found.</source>
        <comment>@info</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No option matches “%1”</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search looks at option names first, then at their descriptions.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <comment>@title:group</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programs</source>
        <comment>@title:group</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n option(s)</source>
        <comment>@info</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n option(s)</source>
        <comment>@info</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply Changes</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save, build and switch to the configuration now</source>
        <comment>@info:tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll Back</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to the generation before the current one</source>
        <comment>@info:tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll Back?</source>
        <comment>@title:window</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The machine switches to the generation before generation %1 now, and boots it from now on. Generation %1 stays in the list, so you can switch back to it.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2, column %3: %4. Editing is disabled until the file parses again.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check Again</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host name: %1</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NixOS %1</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current generation:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running generation:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in this profile</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booted generation:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration revision:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last rebuild:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet from Snowpane</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded, %1</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed, %1</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 starts at the next boot; this machine booted generation %2.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s) not applied yet.</source>
        <comment>@info</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Packages:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nixpkgs of unknown age</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an update is ready to review</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check for Updates…</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the update</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the Updates page</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageAddDialog</name>
    <message>
        <source>Allow Unfree Packages and Add</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Anyway</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageCatalog</name>
    <message numerus="yes">
        <source>The package catalog is more than %n day(s) old.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>nixpkgs has changed since the package catalog was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no package catalog for this nixpkgs yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package catalog cannot be read, so it is made again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snowpane cannot tell which nixpkgs your configuration is built from, so it cannot list packages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the package catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of the package catalog was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package catalog could not be updated; the previous one is still used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package catalog could not be made from your nixpkgs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package catalog cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The packages of the current system cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageEdits</name>
    <message>
        <source>%1 is unfree: its licence does not let everyone use, change and share it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is unfree: its licence (%2) does not let everyone use, change and share it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NixOS builds unfree packages only when nixpkgs.config.allowUnfree is set, and your configuration does not set it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your configuration sets nixpkgs.config.allowUnfree to false, so the rebuild would stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your configuration decides with nixpkgs.config.allowUnfreePredicate; make sure it allows %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is marked as broken in your nixpkgs: it is known not to build or not to work. The rebuild will stop unless nixpkgs.config.allowBroken is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is marked as insecure: it has known security vulnerabilities. The rebuild will stop unless it is listed in nixpkgs.config.permittedInsecurePackages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageImportStatus</name>
    <message>
        <source>Finding the nixpkgs your configuration is built from…</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n package(s) read.</source>
        <comment>@info</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nix is evaluating every package of your nixpkgs; this can take a minute or two.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the package catalog in the background. %1 %2</source>
        <comment>@info reason, progress</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the package catalog. %1 %2</source>
        <comment>@info reason, progress</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package catalog import</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try Again</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide Details</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical details</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageInstalledDelegate</name>
    <message>
        <source>%1, version %2</source>
        <comment>@info:whatsthis package name and version</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not built yet</source>
        <comment>@label badge</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declared in %1</source>
        <comment>@info file:line</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added by another setting</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added by another setting; not in the package catalog</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>@info package name · where it comes from</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the configuration</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageSearchDelegate</name>
    <message>
        <source>%1, version %2</source>
        <comment>@info:whatsthis package name and version</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfree</source>
        <comment>@label badge</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broken</source>
        <comment>@label badge</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insecure</source>
        <comment>@label badge</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In your configuration</source>
        <comment>@label badge</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the system</source>
        <comment>@label badge</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No licence given</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the configuration</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install %1</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageSearchModel</name>
    <message>
        <source>The package catalog cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <source>Packages</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be added when you apply the changes.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be removed when you apply the changes.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update Catalog</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search %L1 packages…</source>
        <comment>@info:placeholder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search packages…</source>
        <comment>@info:placeholder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search packages</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any licence</source>
        <comment>@item:inlistbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free only</source>
        <comment>@item:inlistbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfree only</source>
        <comment>@item:inlistbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show packages by licence</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search Results</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed (%1)</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed packages</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages found</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No packages match “%1”</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try fewer or shorter words, or another licence filter.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed packages</source>
        <comment>@info:whatsthis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared in your configuration (%1)</source>
        <comment>@title:group</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the system only (%1)</source>
        <comment>@title:group</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No installed packages found</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages you add show up here, and so do the packages of the current system once the catalog is ready.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be added, and unfree packages allowed, when you apply the changes.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <comment>@title:group</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory:</source>
        <comment>@label:textbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration directory</source>
        <comment>@label:textbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the configuration directory</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reading %1 and %n file(s) it imports. NixOS itself uses %2.</source>
        <comment>@info</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Flake host:</source>
        <comment>@label:textbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine&apos;s host name</source>
        <comment>@info:placeholder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flake host</source>
        <comment>@label:textbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use This Configuration</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogs</source>
        <comment>@title:group</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the package catalog again after:</source>
        <comment>@label:spinbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>@item:valuesuffix</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Days before the package catalog is imported again</source>
        <comment>@label:spinbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options file:</source>
        <comment>@label:textbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate the system&apos;s own options</source>
        <comment>@info:placeholder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An options.json file to use instead of evaluating</source>
        <comment>@label:textbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options page:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show internal options</source>
        <comment>@option:check</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show read-only options</source>
        <comment>@option:check</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <comment>@title:group</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running system:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booted system:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Configuration Directory</source>
        <comment>@title:window</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceChangeRow</name>
    <message>
        <source>%1 from %2 to %3</source>
        <comment>@info:whatsthis source name, old and new revision</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemActions</name>
    <message>
        <source>Snowpane was not allowed to change the system. The authentication was refused or cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another change to the system is still running. Wait for it to finish, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snowpane&apos;s system helper is not installed, so changes cannot be applied. On NixOS, install Snowpane with “programs.snowpane.enable = true;” in your configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation was cancelled. The system was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation took too long and was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system helper refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new system could not be built.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system could not switch to that generation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration could not be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at next boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try without adding to the boot menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview which services would restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking which services would restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the new system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making generation %1 the boot default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching to generation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no generation before the current one to roll back to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the configuration of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 is built and active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 is built and starts at the next boot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new system is active until the next boot. It was not added to the boot menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new system was built. Nothing on the machine was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed. The log lists what switching would do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 starts at the next boot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation %1 is active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration files were restored and committed. Apply them to build a system from them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared with generation %1: %2 upgraded, %3 downgraded, %4 added, %5 removed; the system is %6 %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>larger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activating the new system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving and committing the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing unused files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old generations could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing old generations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No generation matched, so none was removed. Unused files were collected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed %n old generation(s) and collected the files nothing uses any more.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitList</name>
    <message>
        <source>%1: %2</source>
        <comment>@info:whatsthis title and units</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdateController</name>
    <message>
        <source>d MMMM yyyy</source>
        <comment>date format of a nixpkgs revision</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nixpkgs at revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>nixpkgs from %1, %n day(s) old</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Newer sources, but no package versions change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never checked for updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last checked %n minute(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last checked %n hour(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last checked %n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking for updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading newer package sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newer package sources could not be downloaded. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The updated system could not be built.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snowpane could not work out which services the update would restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package sources could not be put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package sources were put back, so nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package sources are back where they were before the check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package sources are already the newest. There is nothing to update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the updated system without activating it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking which services the update would restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update is ready. Review what it changes, then apply or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Putting the package sources back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarding the update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system built for this update is gone, so its package changes cannot be shown. Apply builds it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was cancelled. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>kernel version before and after</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>kernel version</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, unchanged</source>
        <comment>kernel version</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer package sources. Working out which package versions change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer package sources. Which package versions change is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n package(s) upgraded</source>
        <comment>part of a list of package changes</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n downgraded</source>
        <comment>part of a list of package changes: packages downgraded</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>part of a list of package changes: packages added</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>part of a list of package changes: packages removed</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>a sentence made of the list of package changes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which services the update restarts, starts or stops was not worked out: the check stopped before it, or it failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching to the update restarts, starts or stops no services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out which package versions change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which package versions change is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No package versions change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update is ready, but which services it would restart could not be worked out. Review it, then apply or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Putting the package sources back failed too, so they stay updated. Discard the update to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The commit before the update is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channels&apos; generation before the update is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sources stay updated: %1</source>
        <comment>the reason ends the sentence</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package sources cannot be put back: %1</source>
        <comment>the reason ends the sentence</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update was applied: the system you applied from the Changes page was built from the updated package sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update was applied: a system built since the check used the updated package sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update no longer waits: root&apos;s channels were changed since the check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update no longer waits: flake.lock was changed since the check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>revision</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>old and new revision with dates</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdatesPage</name>
    <message>
        <source>Updates</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check for Updates</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download newer package sources and build the updated system without activating it</source>
        <comment>@info:tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the package sources back where they were</source>
        <comment>@info:tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the update</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to apply the update</source>
        <comment>@label:listbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply Update</source>
        <comment>@action:button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking for updates…</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your system is up to date</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update all packages</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system uses %1.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking downloads newer package sources and builds the updated system without activating it, so you can see what would change before anything does.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package changes could not be worked out: %1</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flake inputs</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel changes from %1 to %2. Restart the computer after applying the update to use the new kernel.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System size:</source>
        <comment>@label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <comment>@info size before, after and the change</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service manager (systemd) itself restarts.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarted</source>
        <comment>@title services</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded</source>
        <comment>@title services</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <comment>@title services</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <comment>@title services</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages</source>
        <comment>@title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>@info:whatsthis package change</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your %n pending change(s) are applied with the update. The preview above does not include them.</source>
        <comment>@info</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Applying changes from the Changes page while this update waits also applies the update.</source>
        <comment>@info</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>@info a sentence made of when updates were last checked</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
