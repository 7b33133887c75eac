#include "ReferencePicker.h"

#include "schema/Schema.h"
#include "store/Store.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QStandardItemModel>

namespace gamix {

namespace {
constexpr int kIdRole = Qt::UserRole;
}

ReferencePicker::ReferencePicker(Store *store, const EntityDef &target, QWidget *parent)
    : QComboBox(parent)
    , m_store(store)
    , m_target(target)
    , m_hits(new QStandardItemModel(this))
    , m_completer(new QCompleter(m_hits, this))
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMaxVisibleItems(15);
    lineEdit()->setPlaceholderText(tr("Type to search…"));
    lineEdit()->setClearButtonEnabled(true);
    addItem(QString(), QString());
    QString err;
    ListQuery q;
    q.entity = &m_target;
    q.sort = m_target.displayField;
    q.limit = kInitialRows;
    for (const Record &r : m_store->list(q, &err))
        addItem(r.displayName(), r.id);

    // The completer shows what the search found, unfiltered: the index already matched
    // every word's prefix, in any order and with ё/е folded.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->popup()->setObjectName(QStringLiteral("referenceHits"));
    setCompleter(m_completer);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                choose(index.data(kIdRole).toString(), index.data(Qt::DisplayRole).toString());
            });

    m_typing.setSingleShot(true);
    m_typing.setInterval(120);
    connect(&m_typing, &QTimer::timeout, this, &ReferencePicker::searchNow);
    connect(lineEdit(), &QLineEdit::textEdited, this, [this] {
        setStyleSheet(QString());
        setToolTip(QString());
        m_typing.start();
    });
    connect(lineEdit(), &QLineEdit::editingFinished, this, [this] {
        m_typing.stop();
        if (isUnresolved())
            markUnresolved();
    });
}

void ReferencePicker::searchNow()
{
    const QString text = lineEdit()->text().trimmed();
    m_hits->clear();
    if (text.isEmpty())
        return;
    for (const SearchHit &hit : m_store->search(text, kSearchRows, &m_target)) {
        auto *item = new QStandardItem(hit.title);
        item->setData(hit.id, kIdRole);
        m_hits->appendRow(item);
    }
    if (m_hits->rowCount() == 0) {
        auto *none = new QStandardItem(tr("No match for “%1”").arg(text));
        none->setFlags(Qt::NoItemFlags);
        m_hits->appendRow(none);
    }
    m_completer->setCompletionPrefix(text);
    m_completer->complete();
}

void ReferencePicker::choose(const QString &id, const QString &title)
{
    if (id.isEmpty())
        return;
    setCurrentId(id, title);
}

void ReferencePicker::setCurrentId(const QString &id, const QString &title)
{
    int i = findData(id);
    if (i < 0 && !id.isEmpty()) {
        addItem(title.isEmpty() ? m_store->get(m_target, id).displayName() : title, id);
        i = count() - 1;
    }
    setCurrentIndex(qMax(0, i));
    setEditText(itemText(qMax(0, i)));
    setStyleSheet(QString());
    setToolTip(QString());
}

QString ReferencePicker::currentId() const
{
    const QString text = lineEdit()->text().trimmed();
    if (text.isEmpty())
        return QString();
    if (currentIndex() > 0 && itemText(currentIndex()) == text)
        return itemData(currentIndex()).toString();
    // Typed without picking: a listed record or exactly one search hit of that name.
    const int listed = findText(text, Qt::MatchFixedString);
    if (listed > 0)
        return itemData(listed).toString();
    QString found;
    for (const SearchHit &hit : m_store->search(text, kSearchRows, &m_target)) {
        if (hit.title.compare(text, Qt::CaseInsensitive) != 0)
            continue;
        if (!found.isEmpty())
            return text; // two records of that name: the user must pick one
        found = hit.id;
    }
    return found.isEmpty() ? text : found;
}

QAbstractItemView *ReferencePicker::hitsView() const
{
    return m_completer->popup();
}

bool ReferencePicker::isUnresolved() const
{
    const QString text = lineEdit()->text().trimmed();
    return !text.isEmpty() && currentId() == text;
}

void ReferencePicker::markUnresolved()
{
    setStyleSheet(QStringLiteral("QComboBox { border: 1px solid #c0392b; }"));
    setToolTip(unresolvedMessage());
}

QString ReferencePicker::unresolvedMessage() const
{
    return tr("no single record is called “%1”: type part of its name and choose it from the list")
        .arg(lineEdit()->text().trimmed());
}

} // namespace gamix
