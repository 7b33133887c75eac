#pragma once
// One column of the deals board: a list of deal cards that accepts deals dragged from
// another column and reports the drop instead of moving the item itself (the store is
// the truth; the board redraws from it).

#include <QListWidget>

namespace gamix {

class StageList : public QListWidget
{
    Q_OBJECT
public:
    explicit StageList(const QString &stageId, QWidget *parent = nullptr);
    QString stageId() const { return m_stageId; }
    static QString mimeType() { return QStringLiteral("application/x-gamix-deal-id"); }
    // What a drop of `mime` on this column does; dropEvent calls it. Public because an
    // offscreen test cannot run a real drag session.
    bool handleDrop(const QMimeData *mime);

signals:
    void dealDropped(const QString &dealId, const QString &stageId);

public:
    // What a drag of `items` carries: the deal id.
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;

protected:
    QStringList mimeTypes() const override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QString m_stageId;
};

} // namespace gamix
