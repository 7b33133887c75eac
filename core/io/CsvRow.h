#pragma once
// One CSV record as the reader hands it out: all cells in one reused buffer, so reading a
// million rows does not allocate a QString per cell. Views stay valid until the row is
// read into again.

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace gamix {

class CsvRow
{
public:
    int size() const { return int(m_ends.size()); }
    bool isEmpty() const { return m_ends.isEmpty(); }
    QStringView cell(int i) const
    {
        const qsizetype begin = i == 0 ? 0 : m_ends[i - 1];
        return QStringView(m_text).sliced(begin, m_ends[i] - begin);
    }
    QStringView operator[](int i) const { return cell(i); }
    QStringList toStringList() const
    {
        QStringList cells;
        cells.reserve(size());
        for (int i = 0; i < size(); ++i)
            cells.append(cell(i).toString());
        return cells;
    }

    // For CsvReader, which builds the row span by span.
    void clear()
    {
        m_text.resize(0); // Qt 6 keeps the capacity, which is the point of reusing the row
        m_ends.resize(0);
    }
    void appendText(const QChar *text, qsizetype length) { m_text.append(text, length); }
    void endCell() { m_ends.append(m_text.size()); }
    qsizetype textSize() const { return m_text.size(); }

private:
    QString m_text;
    QList<qsizetype> m_ends; // end offset of each cell in m_text
};

} // namespace gamix
