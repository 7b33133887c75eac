#pragma once
// The editor widget of one schema field on a record form, and its text in the field's
// canonical form (what the Store's write path takes): a line edit, a multi-line edit for
// long text, a check box, a combo of enum values, a search-as-you-type picker for records
// (a combo for the handful of stages, pipelines, users and offices). Used by RecordDialog.

#include <QString>

class QWidget;

namespace gamix {

class Store;
struct FieldDef;

class FieldEditor
{
public:
    // A new editor for `field` (objectName "field_NAME"); references read `store`.
    static QWidget *create(Store *store, const FieldDef &field);
    // The editor's value: trimmed text, "true"/"false", or a record id.
    static QString text(const QWidget *editor);
    // Shows `text`; a value the combo does not list is added, named by Format::value.
    static void setText(QWidget *editor, Store *store, const FieldDef &field, const QString &text);
};

} // namespace gamix
