#pragma once

#include "../api/BuildToken.h"

#include <QList>
#include <QString>
#include <QVariant>

// One column of the token table, and of everything else that shows or writes a token: the
// model, the filter, the details pane, every export writer and the CLI's table read this
// list, so a new column is one entry in TokenColumns.cpp plus the data it reads.
struct ColumnSpec
{
    QString id;        // stable, never translated: settings and scripts may name it
    QString apiField;  // the API's name for it: JSON keys and the CSV header
    const char *title; // marked with QT_TRANSLATE_NOOP("TokenColumns", ...)
    QString (*value)(const BuildToken &token); // what a cell shows and every writer writes
    // What sorting compares (a number, a date); null sorts the value as text, by collation.
    QVariant (*sortKey)(const BuildToken &token) = nullptr;
    bool filterable = true;
    // A value as wide as the column's usual widest, which the view measures in its font (so
    // the width follows the font and the scale); empty: as wide as the title.
    QString widthSample = {};
    bool visibleByDefault = true;
    bool monospace = false; // ids: easier to compare in a fixed font
    bool stretch = false;   // takes the table's spare width (the one column a person reads)

    QString displayTitle() const; // the title in the user's language
};

namespace TokenColumns {

// Positions in all(), for the code that names a particular column. The list is append-only:
// saved header states and exported column orders rely on a column keeping its place.
enum Column : int { Name, Uuid, CloudflareTokenId, OwnerType };

const QList<ColumnSpec> &all();
inline int count() { return int(all().size()); }
inline const ColumnSpec &at(int column) { return all().at(column); }
// The position of the column with this id, or -1.
int indexOf(const QString &id);
// Adds a column at the end, before any model or view is made: how the tests prove that one
// entry reaches every reader.
void append(const ColumnSpec &column);

} // namespace TokenColumns
