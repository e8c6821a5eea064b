// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Common/configurationrecords.h"
#include "editorkind.h"
#include "effectivevalue.h"

#include <QObject>
#include <QQmlEngine>
#include <QUrl>
#include <QVariant>

/**
 * Everything the option page shows about one option of the open catalog
 * (OptionsBackend), and the edits it makes: the editor for its type (kind,
 * range, pattern, choices), its description, default and example, where the
 * configuration defines it, the value an editor starts from, and its
 * effective value in the evaluated system (evaluated with Nix on demand,
 * asynchronously, cached by the backend).
 *
 * Every edit is checked against the option's type with validateValue before
 * it reaches the configuration, and returns "" or a sentence saying why not.
 */
class OptionDetails : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    Q_PROPERTY(bool exists READ exists NOTIFY optionChanged)
    Q_PROPERTY(QString typeText READ typeText NOTIFY optionChanged)
    Q_PROPERTY(EditorKind editorKind READ editorKind NOTIFY optionChanged)
    Q_PROPERTY(QString elementKind READ elementKind NOTIFY optionChanged)
    Q_PROPERTY(bool nullable READ nullable NOTIFY optionChanged)
    Q_PROPERTY(bool multiline READ multiline NOTIFY optionChanged)
    Q_PROPERTY(QVariant minimum READ minimum NOTIFY optionChanged)
    Q_PROPERTY(QVariant maximum READ maximum NOTIFY optionChanged)
    /// An integer whose whole range fits a spin box.
    Q_PROPERTY(bool spinBoxRange READ hasSpinBoxRange NOTIFY optionChanged)
    Q_PROPERTY(QString pattern READ pattern NOTIFY optionChanged)
    Q_PROPERTY(QStringList choices READ choices NOTIFY optionChanged)
    Q_PROPERTY(bool readOnly READ isReadOnly NOTIFY optionChanged)
    Q_PROPERTY(QString readOnlyReason READ readOnlyReason NOTIFY optionChanged)
    Q_PROPERTY(QString description READ description NOTIFY optionChanged)
    Q_PROPERTY(QString defaultText READ defaultText NOTIFY optionChanged)
    Q_PROPERTY(bool defaultIsMarkdown READ defaultIsMarkdown NOTIFY optionChanged)
    Q_PROPERTY(QString exampleText READ exampleText NOTIFY optionChanged)
    Q_PROPERTY(bool exampleIsMarkdown READ exampleIsMarkdown NOTIFY optionChanged)
    Q_PROPERTY(QStringList declarations READ declarations NOTIFY optionChanged)

    Q_PROPERTY(QList<OptionDefinition> definitions READ definitions NOTIFY configurationChanged)
    Q_PROPERTY(QVariant value READ value NOTIFY configurationChanged)
    /// What an editor starts from: the configuration's literal value, else the default when it is a plain value, else undefined.
    Q_PROPERTY(QVariant initialValue READ initialValue NOTIFY configurationChanged)
    /// For the text editor: initialValue as text, read back by setText(); empty when there is none.
    Q_PROPERTY(QString initialText READ initialText NOTIFY configurationChanged)
    /// For lists: initialValue's elements as text, one per row of the list editor.
    Q_PROPERTY(QStringList listItems READ listItems NOTIFY configurationChanged)
    /// For choices: the index in choices of initialValue, or -1.
    Q_PROPERTY(int currentChoice READ currentChoice NOTIFY configurationChanged)
    Q_PROPERTY(bool defined READ isDefined NOTIFY configurationChanged)
    /// Whether the editor may change the value; when not, editBlockedReason says why and the page shows the source.
    Q_PROPERTY(bool editable READ isEditable NOTIFY configurationChanged)
    Q_PROPERTY(QString editBlockedReason READ editBlockedReason NOTIFY configurationChanged)
    /// The configuration's definition as written, for the read-only view.
    Q_PROPERTY(QString definitionSource READ definitionSource NOTIFY configurationChanged)

    Q_PROPERTY(EffectiveState effectiveState READ effectiveState NOTIFY effectiveValueChanged)
    Q_PROPERTY(QString effectiveText READ effectiveText NOTIFY effectiveValueChanged)
    /// Why there is no effective value, as a sentence; effectiveDetails has Nix's own message.
    Q_PROPERTY(QString effectiveError READ effectiveError NOTIFY effectiveValueChanged)
    Q_PROPERTY(QString effectiveDetails READ effectiveDetails NOTIFY effectiveValueChanged)

public:
    enum class EffectiveState {
        NotEvaluated,
        Evaluating,
        Ready,
        Failed,
    };
    Q_ENUM(EffectiveState)

    /** Which editor the page shows: Snowpane::Options::EditorKind, value for value, as a QML enum. */
    enum class EditorKind {
        Switch = int(Snowpane::Options::EditorKind::Switch),
        Integer = int(Snowpane::Options::EditorKind::Integer),
        Float = int(Snowpane::Options::EditorKind::Float),
        Text = int(Snowpane::Options::EditorKind::Text),
        Choice = int(Snowpane::Options::EditorKind::Choice),
        List = int(Snowpane::Options::EditorKind::List),
        PackageList = int(Snowpane::Options::EditorKind::PackageList),
        Path = int(Snowpane::Options::EditorKind::Path),
        AttributeSet = int(Snowpane::Options::EditorKind::AttributeSet),
        ReadOnly = int(Snowpane::Options::EditorKind::ReadOnly),
    };
    Q_ENUM(EditorKind)

    explicit OptionDetails(QObject *parent = nullptr);

    [[nodiscard]] QString name() const
    {
        return m_name;
    }
    void setName(const QString &name);

    [[nodiscard]] bool exists() const
    {
        return m_index >= 0;
    }
    [[nodiscard]] QString typeText() const;
    [[nodiscard]] EditorKind editorKind() const;
    /// For lists: the editor kind of one element ("text", "integer", "path", ...).
    [[nodiscard]] QString elementKind() const;
    [[nodiscard]] bool nullable() const;
    [[nodiscard]] bool multiline() const;
    [[nodiscard]] QVariant minimum() const;
    [[nodiscard]] QVariant maximum() const;
    [[nodiscard]] bool hasSpinBoxRange() const;
    [[nodiscard]] QString pattern() const;
    [[nodiscard]] QStringList choices() const;
    [[nodiscard]] bool isReadOnly() const;
    [[nodiscard]] QString readOnlyReason() const;
    [[nodiscard]] QString description() const;
    [[nodiscard]] QString defaultText() const;
    [[nodiscard]] bool defaultIsMarkdown() const;
    [[nodiscard]] QString exampleText() const;
    [[nodiscard]] bool exampleIsMarkdown() const;
    [[nodiscard]] QStringList declarations() const;

    [[nodiscard]] QList<OptionDefinition> definitions() const;
    [[nodiscard]] QVariant value() const;
    [[nodiscard]] QVariant initialValue() const;
    [[nodiscard]] int currentChoice() const;
    [[nodiscard]] QString initialText() const;
    [[nodiscard]] QStringList listItems() const;
    [[nodiscard]] bool isDefined() const;
    [[nodiscard]] bool isEditable() const;
    [[nodiscard]] QString editBlockedReason() const;
    [[nodiscard]] QString definitionSource() const;

    [[nodiscard]] EffectiveState effectiveState() const
    {
        return m_effectiveState;
    }
    [[nodiscard]] QString effectiveText() const
    {
        return m_effectiveText;
    }
    [[nodiscard]] QString effectiveError() const
    {
        return m_effectiveError;
    }
    [[nodiscard]] QString effectiveDetails() const
    {
        return m_effectiveDetails;
    }

    /** Why @p value does not fit the option's type, or "". */
    Q_INVOKABLE QString validate(const QVariant &value) const;
    /** Validates @p value and records it as the option's new value. */
    Q_INVOKABLE QString setValue(const QVariant &value);
    /**
     * The text editor's value: a number for Integer and Float options (NaN,
     * which no type accepts, when the text is not one), the text otherwise.
     */
    [[nodiscard]] QVariant valueFromText(const QString &text) const;
    /** Why the text editor's @p text does not fit the option's type, or ""; an empty text is no problem for a text option. */
    Q_INVOKABLE QString validateText(const QString &text) const;
    /** Reads @p text as valueFromText() does, validates it and records it. */
    Q_INVOKABLE QString setText(const QString &text);
    /**
     * For list editors: each text of @p items as one element of the list (a
     * number for integer lists, text otherwise), validated, then recorded;
     * for package lists, as setPackages() does.
     */
    Q_INVOKABLE QString setListItems(const QStringList &items);
    /** For package lists: @p attributes (such as "firefox" or "python3Packages.numpy") as `with pkgs; [ ... ]`. */
    Q_INVOKABLE QString setPackages(const QStringList &attributes);
    /** The text a path option's editor takes from a file dialog's @p url: the local path, or the URL as text when it is not a local file. */
    Q_INVOKABLE static QString pathText(const QUrl &url);
    /** For choices: records the value at @p index of choices, typed as the enum has it (text, number, true or false). */
    Q_INVOKABLE QString setChoice(int index);
    /** Removes the option from the configuration, so that its default applies again. */
    Q_INVOKABLE QString reset();
    /** Starts evaluating the effective value, unless it is known or being evaluated. */
    Q_INVOKABLE void evaluateEffectiveValue();

Q_SIGNALS:
    void nameChanged();
    void optionChanged();
    void configurationChanged();
    void effectiveValueChanged();

private:
    void findOption();
    void effectiveValueEvaluated(const Snowpane::Options::EffectiveValue &value);
    [[nodiscard]] QString checkEditable() const;

    QString m_name;
    int m_index = -1;
    EffectiveState m_effectiveState = EffectiveState::NotEvaluated;
    QString m_effectiveText;
    QString m_effectiveError;
    QString m_effectiveDetails;
};
