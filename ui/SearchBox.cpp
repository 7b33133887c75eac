#include "SearchBox.h"

#include "Format.h"
#include "store/Store.h"

#include <QEvent>
#include <QKeyEvent>
#include <QListWidget>

namespace gamix {

SearchBox::SearchBox(Store *store, QWidget *popupParent, QWidget *parent)
    : QLineEdit(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("globalSearch"));
    setPlaceholderText(tr("Search everything (Ctrl+K)"));
    setClearButtonEnabled(true);
    setMinimumWidth(320);
    // A child of the window, raised over the content: a real popup window would steal
    // the keyboard from the box the user is typing in.
    m_results = new QListWidget(popupParent);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setFocusPolicy(Qt::NoFocus);
    m_results->setFrameShape(QFrame::StyledPanel);
    m_results->hide();
    popupParent->installEventFilter(this);
    connect(this, &QLineEdit::textEdited, this, &SearchBox::runSearch);
    connect(m_results, &QListWidget::itemClicked, this, [this] { openCurrent(); });
}

void SearchBox::runSearch()
{
    m_results->clear();
    const QString text = this->text().trimmed();
    if (text.isEmpty()) {
        m_results->hide();
        return;
    }
    const QList<SearchHit> hits = m_store->search(text, 20);
    for (const SearchHit &h : hits) {
        const QString title = h.entity->name == u"stage" ? Format::stageName(h.title) : h.title;
        auto *item = new QListWidgetItem(title + QStringLiteral("  —  ") + h.entity->translatedLabel());
        item->setData(Qt::UserRole, h.entity->name);
        item->setData(Qt::UserRole + 1, h.id);
        m_results->addItem(item);
    }
    if (hits.isEmpty())
        m_results->addItem(new QListWidgetItem(tr("Nothing found")));
    m_results->setCurrentRow(0);
    placeResults();
    m_results->show();
    m_results->raise();
}

void SearchBox::placeResults()
{
    QWidget *host = m_results->parentWidget();
    const QPoint at = mapTo(host, QPoint(0, height()));
    const int rows = qMin(12, m_results->count());
    m_results->setGeometry(at.x(), at.y() + 2, qMax(width(), 420), rows * (fontMetrics().height() + 8) + 8);
}

void SearchBox::openCurrent()
{
    QListWidgetItem *item = m_results->currentItem();
    if (!item && m_results->count() > 0)
        item = m_results->item(0);
    if (!item || item->data(Qt::UserRole + 1).toString().isEmpty())
        return;
    const QString entity = item->data(Qt::UserRole).toString();
    const QString id = item->data(Qt::UserRole + 1).toString();
    m_results->hide();
    emit openRecord(entity, id);
}

void SearchBox::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Down:
    case Qt::Key_Up:
        if (m_results->isVisible() && m_results->count() > 0) {
            const int step = event->key() == Qt::Key_Down ? 1 : -1;
            m_results->setCurrentRow(qBound(0, m_results->currentRow() + step, m_results->count() - 1));
            return;
        }
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_results->isVisible())
            runSearch();
        openCurrent();
        return;
    case Qt::Key_Escape:
        if (m_results->isVisible()) {
            m_results->hide();
            return;
        }
        clear();
        clearFocus();
        return;
    default:
        break;
    }
    QLineEdit::keyPressEvent(event);
}

bool SearchBox::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_results->parentWidget() && event->type() == QEvent::Resize && m_results->isVisible())
        placeResults();
    return QLineEdit::eventFilter(watched, event);
}

} // namespace gamix
