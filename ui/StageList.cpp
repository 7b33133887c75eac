#include "StageList.h"

#include <QDragEnterEvent>
#include <QMimeData>

namespace gamix {

StageList::StageList(const QString &stageId, QWidget *parent)
    : QListWidget(parent)
    , m_stageId(stageId)
{
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setSpacing(3);
    setWordWrap(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setFrameShape(QFrame::NoFrame);
    // Cards: palette roles keep them readable in dark mode too.
    setStyleSheet(QStringLiteral("QListWidget { background: palette(window); }"
                                 "QListWidget::item { background: palette(base); border: 1px solid palette(mid);"
                                 " border-radius: 6px; padding: 6px; margin: 2px 0px; }"
                                 "QListWidget::item:selected { border: 1px solid palette(highlight);"
                                 " background: palette(alternate-base); color: palette(text); }"));
}

QStringList StageList::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *StageList::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *m = new QMimeData;
    m->setData(mimeType(), items.first()->data(Qt::UserRole).toString().toUtf8());
    return m;
}

void StageList::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(mimeType()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void StageList::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(mimeType()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void StageList::dropEvent(QDropEvent *event)
{
    if (!handleDrop(event->mimeData())) {
        event->ignore();
        return;
    }
    // The board rebuilds from the store; the source list must not remove the item itself.
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

bool StageList::handleDrop(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(mimeType()))
        return false;
    emit dealDropped(QString::fromUtf8(mime->data(mimeType())), m_stageId);
    return true;
}

} // namespace gamix
