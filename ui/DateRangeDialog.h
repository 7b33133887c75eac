#pragma once
// Asks for a period of days (from, to, both included) with calendar pop-ups: the list's
// "Custom range…" filter.

#include <QDate>
#include <QDialog>

class QDateEdit;

namespace gamix {

class DateRangeDialog : public QDialog
{
    Q_OBJECT
public:
    DateRangeDialog(const QDate &from, const QDate &to, QWidget *parent = nullptr);
    // In order even when the user entered them the other way round.
    QDate from() const;
    QDate to() const;

private:
    QDateEdit *m_from;
    QDateEdit *m_to;
};

} // namespace gamix
