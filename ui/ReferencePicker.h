#pragma once
// The editor of a reference field (a contact's company, a deal's contact): a combo box the
// user types into, searching the target table as they type through the store's search
// index, so a company among a million is one word away. It lists the first records in
// sort order before anything is typed. Small tables (stages) keep a plain combo box.

#include <QComboBox>
#include <QTimer>

class QAbstractItemView;
class QCompleter;
class QStandardItemModel;

namespace gamix {

class Store;
struct EntityDef;

class ReferencePicker : public QComboBox
{
    Q_OBJECT
public:
    ReferencePicker(Store *store, const EntityDef &target, QWidget *parent = nullptr);

    // The chosen record's id; "" when the box is empty. Typed text that names no record
    // (or several) is returned as is, so saving reports it next to the field.
    QString currentId() const;
    // Shows `id` (looked up by name when it is not among the listed records).
    void setCurrentId(const QString &id, const QString &title);
    // True when the typed text names no single record; the message says so.
    bool isUnresolved() const;
    QString unresolvedMessage() const;
    // The list of search hits shown under the box while typing.
    QAbstractItemView *hitsView() const;

    static constexpr int kInitialRows = 100;
    static constexpr int kSearchRows = 30;

private:
    void searchNow();
    void choose(const QString &id, const QString &title);
    void markUnresolved();

    Store *m_store;
    const EntityDef &m_target;
    QStandardItemModel *m_hits;
    QCompleter *m_completer;
    QTimer m_typing;
};

} // namespace gamix
