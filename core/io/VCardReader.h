#pragma once
// Reads contacts from vCard 2.1, 3.0 and 4.0 files (one or many cards, folded lines,
// QUOTED-PRINTABLE with CHARSET, grouped properties such as item1.TEL) and imports them
// through the same row writer as CSV, so duplicates, companies by name and the batches
// behave exactly as in a CSV import. Each card becomes one row under a fixed header;
// several phones or emails travel as one ` ::: ` joined cell and fill phone, mobile,
// email, email2, then the notes.

#include "ImportOptions.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <functional>

namespace gamix {

class Store;

class VCardReader
{
public:
    // A .vcf/.vcard file, or one whose first bytes are BEGIN:VCARD (whatever its name).
    static bool looksLikeVCard(const QString &path);

    // Column names of the rows cards() returns (contact fields and pseudo-fields).
    static QStringList header();
    struct Card
    {
        QStringList row; // cells under header()
        int line = 0; // of BEGIN:VCARD
        int endLine = 0; // of END:VCARD (0: the file or the next card began first)
        int rawEnd = 0; // the first line after the card's own lines
        QStringList property; // per cell: the property that filled it ("TEL", "BDAY"...)
        QList<int> propertyLine; // per cell: that property's line
    };
    // Every card of `data`, the last one also when END:VCARD is missing.
    static QList<Card> parseCards(const QByteArray &data);
    // One row per complete card; a file with no card gives none.
    static QList<QStringList> cards(const QByteArray &data);

    // Imports a .vcf file into contacts (options.entity must be contact). Rows are
    // reported with the line of their BEGIN:VCARD in ImportRowReport::line.
    static ImportSummary import(Store &store, const ImportOptions &options,
                                const std::function<void(const ImportRowReport &)> &onRow = {});
};

} // namespace gamix
