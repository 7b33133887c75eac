#pragma once
// The record page: a form generated from the schema registry (validation messages next to
// each field, from the store's WriteResult), the record's related records and, for
// contacts, companies, deals and leads, an activity timeline with quick-add. Saves go
// through undo commands, so Ctrl+Z undoes them. Esc closes it.

#include "store/Store.h"

#include <QDialog>
#include <QHash>

class QFormLayout;
class QLabel;
class QListWidget;
class QTreeWidget;
class QUndoStack;
class QComboBox;
class QLineEdit;
class QPushButton;

namespace gamix {

class RecordDialog : public QDialog
{
    Q_OBJECT
public:
    // An empty id makes a new record; `preset` fills fields of a new record.
    RecordDialog(Store *store, QUndoStack *undo, const EntityDef &entity, const QString &id = QString(),
                 const QList<FieldWrite> &preset = {}, QWidget *parent = nullptr);

    QString recordId() const { return m_id; }
    const EntityDef &entity() const { return m_entity; }
    QWidget *editor(const QString &field) const { return m_editors.value(field); }
    QString errorText(const QString &field) const;

public slots:
    bool save();
    void deleteRecord();
    void convertLead();
    void addNote();

signals:
    void openRecord(const QString &entity, const QString &id);
    void saved(const QString &id);

private:
    QString editorText(const FieldDef &field) const;
    void setEditorText(const FieldDef &field, const QString &text);
    void loadRecord();
    void refreshSide();
    void showErrors(const QStringList &errors);
    void clearErrors();
    void updateLinks();
    QWidget *buildSide();

    Store *m_store;
    QUndoStack *m_undo;
    const EntityDef &m_entity;
    QString m_id;
    Record m_record;
    QLabel *m_title = nullptr;
    QLabel *m_links = nullptr;
    QLabel *m_formError = nullptr;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_errors;
    QListWidget *m_timeline = nullptr;
    QTreeWidget *m_related = nullptr;
    QComboBox *m_noteKind = nullptr;
    QLineEdit *m_noteEdit = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_convertButton = nullptr;
};

} // namespace gamix
