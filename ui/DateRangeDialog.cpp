#include "DateRangeDialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>

namespace gamix {

DateRangeDialog::DateRangeDialog(const QDate &from, const QDate &to, QWidget *parent)
    : QDialog(parent)
    , m_from(new QDateEdit(from))
    , m_to(new QDateEdit(to))
{
    setObjectName(QStringLiteral("dateRangeDialog"));
    setWindowTitle(tr("Custom range"));
    m_from->setObjectName(QStringLiteral("rangeFrom"));
    m_to->setObjectName(QStringLiteral("rangeTo"));
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
    auto *form = new QFormLayout(this);
    form->addRow(tr("Created from:"), m_from);
    form->addRow(tr("to (inclusive):"), m_to);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QDate DateRangeDialog::from() const
{
    return qMin(m_from->date(), m_to->date());
}

QDate DateRangeDialog::to() const
{
    return qMax(m_from->date(), m_to->date());
}

} // namespace gamix
